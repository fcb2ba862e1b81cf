package org.storybank.command.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.storybank.api.Principles;
import org.storybank.api.drill.DrawnPrompt;
import org.storybank.command.drill.CoverageSnapshot.PrincipleState;
import org.storybank.command.drill.CoverageSnapshot.PromptState;

/**
 * Draws the prompt of a drill from a candidate's coverage: a gap first (a prompt of a principle
 * coverage names as a gap, or a prompt no story fits), else a prompt of the weakest principle (best
 * story below {@value #WEAK_BELOW}), else any prompt. Prompts of the last few drills are avoided
 * while others remain. The same coverage, history and seed always draw the same prompt.
 */
final class DrillDraw {

  static final int WEAK_BELOW = 70;

  private final CoverageSnapshot coverage;
  private final Set<String> recentPrompts;

  DrillDraw(CoverageSnapshot coverage, List<String> recentPrompts) {
    this.coverage = coverage;
    this.recentPrompts = Set.copyOf(recentPrompts);
  }

  /**
   * {@code principle} narrows the draw to one principle (null: any); empty when it has no prompt.
   */
  java.util.Optional<DrawnPrompt> draw(String principle, String level, Random random) {
    List<PrincipleState> scope =
        coverage.principles().stream()
            .filter(state -> Principles.isKnown(state.principle()))
            .filter(state -> principle == null || state.principle().equals(principle))
            .filter(state -> !state.prompts().isEmpty())
            .toList();
    if (scope.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<Candidate> gaps = new ArrayList<>();
    for (PrincipleState state : scope) {
      String gapReason = coverage.gaps().get(state.principle());
      for (PromptState prompt : state.prompts()) {
        if (gapReason != null) {
          gaps.add(new Candidate(state, prompt.prompt(), gapWhy(state, gapReason)));
        } else if (!prompt.covered()) {
          gaps.add(
              new Candidate(
                  state,
                  prompt.prompt(),
                  "no story of yours fits this " + state.name() + " prompt yet"));
        }
      }
    }
    if (!gaps.isEmpty()) {
      return java.util.Optional.of(pick(gaps, random).drawn(level, DrawnPrompt.GAP));
    }
    List<PrincipleState> weak =
        scope.stream()
            .filter(state -> state.bestScore() != null && state.bestScore() < WEAK_BELOW)
            .sorted(Comparator.comparingInt(PrincipleState::bestScore))
            .toList();
    if (!weak.isEmpty()) {
      PrincipleState weakest = weak.get(0);
      String why =
          weakest.name()
              + " is your weakest principle: its best story scores "
              + weakest.bestScore()
              + " (the bar is "
              + WEAK_BELOW
              + ")";
      List<Candidate> prompts = candidates(weakest, why);
      return java.util.Optional.of(pick(prompts, random).drawn(level, DrawnPrompt.WEAK));
    }
    List<Candidate> any = new ArrayList<>();
    String why =
        principle != null
            ? "you asked for " + scope.get(0).name() + "; it has no gap and no weak story"
            : "no gaps and no weak principles: a prompt at random";
    scope.forEach(state -> any.addAll(candidates(state, why)));
    return java.util.Optional.of(pick(any, random).drawn(level, DrawnPrompt.RANDOM));
  }

  private static String gapWhy(PrincipleState state, String reason) {
    return "a gap in " + state.name() + ": " + reason;
  }

  private static List<Candidate> candidates(PrincipleState state, String why) {
    return state.prompts().stream()
        .map(prompt -> new Candidate(state, prompt.prompt(), why))
        .toList();
  }

  /** At random among the prompts not drilled lately, or among all when every one was. */
  private Candidate pick(List<Candidate> candidates, Random random) {
    List<Candidate> fresh =
        candidates.stream()
            .filter(candidate -> !recentPrompts.contains(candidate.prompt()))
            .toList();
    List<Candidate> pool = fresh.isEmpty() ? candidates : fresh;
    return pool.get(random.nextInt(pool.size()));
  }

  private record Candidate(PrincipleState state, String prompt, String why) {

    DrawnPrompt drawn(String level, String reason) {
      return new DrawnPrompt(state.principle(), prompt, level, reason, why);
    }
  }
}
