package org.storybank.query.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storybank.query.coverage.Coverage.Gap;
import org.storybank.query.coverage.Coverage.PrincipleCoverage;
import org.storybank.query.coverage.Coverage.PromptCoverage;
import org.storybank.query.coverage.Coverage.StoryRef;
import org.storybank.query.coverage.Coverage.Strength;
import org.storybank.query.coverage.Coverage.StretchedStory;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.PromptPrinciples.CatalogPrompt;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.rubric.Principle;

/**
 * Works out coverage from a candidate's stories and the catalog. A story fits a catalog prompt by
 * meaning (its vectors against the prompt's), with a lift when it is tagged with the prompt's
 * principle; a prompt is covered when its best story fits well enough and is not weak.
 */
final class CoverageCalculator {

  static final double MIN_FIT = 0.45;
  static final double TAG_LIFT = 0.10;
  static final int MAX_PRINCIPLES = 3;
  static final int MAX_PROMPTS = 4;

  private final List<Principle> principles;
  private final List<CatalogPrompt> prompts;

  CoverageCalculator(List<Principle> principles, List<CatalogPrompt> prompts) {
    this.principles = principles;
    this.prompts = prompts;
  }

  Coverage of(String candidateId, List<StoryDocument> stories) {
    List<PrincipleCoverage> covered = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    Map<String, Set<String>> bestForPrinciples = new HashMap<>();
    for (Principle principle : principles) {
      List<StoryDocument> tagged =
          stories.stream().filter(story -> story.principles().contains(principle.id())).toList();
      StoryDocument best =
          tagged.stream().max(Comparator.comparing(CoverageCalculator::scoreOrMinus)).orElse(null);
      List<PromptCoverage> promptCoverage = new ArrayList<>();
      for (CatalogPrompt prompt : prompts) {
        if (prompt.principle().equals(principle.id())) {
          PromptCoverage answer = bestAnswer(prompt, stories);
          promptCoverage.add(answer);
          if (answer.covered()) {
            bestForPrinciples
                .computeIfAbsent(answer.bestStory().storyId(), id -> new LinkedHashSet<>())
                .add(principle.id());
          }
        }
      }
      Strength strength = best == null ? Strength.NONE : strength(best);
      covered.add(
          new PrincipleCoverage(
              principle.id(),
              principle.name(),
              strength,
              best == null ? null : ref(best),
              tagged.size(),
              promptCoverage));
      if (best == null) {
        gaps.add(new Gap(principle.id(), "no story is tagged with it"));
      } else if (strength == Strength.WEAK) {
        gaps.add(new Gap(principle.id(), "only weak stories (best scored " + best.score() + ")"));
      }
    }
    return new Coverage(
        candidateId, stories.size(), covered, gaps, stretched(stories, bestForPrinciples));
  }

  private static PromptCoverage bestAnswer(CatalogPrompt prompt, List<StoryDocument> stories) {
    StoryDocument best = null;
    double bestFit = 0;
    for (StoryDocument story : stories) {
      double fit = fit(prompt, story);
      if (fit > bestFit) {
        bestFit = fit;
        best = story;
      }
    }
    if (best == null) {
      return new PromptCoverage(prompt.text(), null, null, false);
    }
    double rounded = Math.round(bestFit * 1000) / 1000.0;
    boolean covered = bestFit >= MIN_FIT && strength(best) != Strength.WEAK;
    return new PromptCoverage(prompt.text(), ref(best), rounded, covered);
  }

  static double fit(CatalogPrompt prompt, StoryDocument story) {
    if (story.vectors() == null) {
      return 0;
    }
    double byStory = SentenceEmbeddings.cosine(prompt.vector(), story.vectors().story());
    double byPrompts =
        story.vectors().prompts() == null
            ? 0
            : SentenceEmbeddings.cosine(prompt.vector(), story.vectors().prompts());
    double lift = story.principles().contains(prompt.principle()) ? TAG_LIFT : 0;
    return Math.max(byStory, byPrompts) + lift;
  }

  private static List<StretchedStory> stretched(
      List<StoryDocument> stories, Map<String, Set<String>> bestForPrinciples) {
    List<StretchedStory> stretched = new ArrayList<>();
    for (StoryDocument story : stories) {
      int answers = bestForPrinciples.getOrDefault(story.storyId(), Set.of()).size();
      String reason = null;
      if (story.principles().size() > MAX_PRINCIPLES) {
        reason = "tagged with " + story.principles().size() + " principles";
      } else if (story.prompts().size() > MAX_PROMPTS) {
        reason = "linked to " + story.prompts().size() + " prompts";
      } else if (answers > MAX_PRINCIPLES) {
        reason = "the best answer for prompts of " + answers + " principles";
      }
      if (reason != null) {
        stretched.add(
            new StretchedStory(
                story.storyId(),
                story.title(),
                story.principles().size(),
                story.prompts().size(),
                reason + "; an interviewer who hears it twice notices"));
      }
    }
    return stretched;
  }

  private static int scoreOrMinus(StoryDocument story) {
    return story.score() == null ? -1 : story.score();
  }

  static Strength strength(StoryDocument story) {
    Integer score = story.score();
    if (score == null) {
      return Strength.UNJUDGED;
    }
    if (score >= 70) {
      return Strength.STRONG;
    }
    return score >= 50 ? Strength.ADEQUATE : Strength.WEAK;
  }

  private static StoryRef ref(StoryDocument story) {
    return new StoryRef(story.storyId(), story.title(), story.score(), strength(story));
  }
}
