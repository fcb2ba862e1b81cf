package org.storybank.query.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
 * Works out coverage from a candidate's stories and the catalog.
 *
 * <p>A story fits a catalog prompt by meaning (its vectors against the prompt's), lifted towards 1
 * when it is tagged with the prompt's principle; fit stays within 0–1. A story fits a principle as
 * well as it fits that principle's best prompt, and may answer for at most {@link #MAX_PRINCIPLES}
 * principles: the ones it fits best, among those it fits at least {@link #MIN_FIT}. So one story
 * tagged with ten principles answers for three at most, and the others stay gaps.
 *
 * <p>Each prompt takes the strongest story (strong, adequate, not yet judged, weak; then by score)
 * among those that answer for its principle and fit the prompt at least {@link #MIN_FIT}; when none
 * does, it shows the best-fitting story only to say that the prompt is not covered. A prompt is
 * covered when its story is not weak. A principle is as strong as the strongest story its prompts
 * took ({@code strong} from a score of 70 meets the bar, {@code adequate} from 50 is partial), so
 * its strength always agrees with its prompts: a strong principle has at least one prompt covered
 * by a strong story.
 */
final class CoverageCalculator {

  static final double MIN_FIT = 0.45;

  /** How much of the distance left to 1 a tag with the prompt's principle adds to a fit. */
  static final double TAG_LIFT = 0.15;

  static final int MAX_PRINCIPLES = 3;
  static final int MAX_PROMPTS = 4;

  /** Strong, adequate, not yet judged, weak; then by score. */
  private static final Comparator<StoryDocument> STRONGEST =
      Comparator.comparingInt((StoryDocument story) -> rank(strength(story)))
          .thenComparingInt(CoverageCalculator::scoreOrMinus);

  private final List<Principle> principles;
  private final List<CatalogPrompt> prompts;

  CoverageCalculator(List<Principle> principles, List<CatalogPrompt> prompts) {
    this.principles = principles;
    this.prompts = prompts;
  }

  Coverage of(String candidateId, List<StoryDocument> stories) {
    Fits fits = new Fits(stories);
    List<PrincipleCoverage> covered = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    for (Principle principle : principles) {
      List<StoryDocument> tagged =
          stories.stream().filter(story -> story.principles().contains(principle.id())).toList();
      List<StoryDocument> answering =
          stories.stream()
              .filter(story -> fits.answersFor(story).contains(principle.id()))
              .toList();
      List<PromptCoverage> promptCoverage = new ArrayList<>();
      StoryDocument best = null;
      for (CatalogPrompt prompt : prompts) {
        if (prompt.principle().equals(principle.id())) {
          StoryDocument taken = strongestFitting(prompt, answering, fits);
          promptCoverage.add(answer(prompt, taken, stories, fits));
          if (taken != null && (best == null || STRONGEST.compare(taken, best) > 0)) {
            best = taken;
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
      String reason = gapReason(principle, strength, best, tagged, fits);
      if (reason != null) {
        gaps.add(new Gap(principle.id(), reason));
      }
    }
    return new Coverage(candidateId, stories.size(), covered, gaps, stretched(stories));
  }

  /**
   * The strongest story that answers for the prompt's principle and fits the prompt well enough.
   */
  private static StoryDocument strongestFitting(
      CatalogPrompt prompt, List<StoryDocument> answering, Fits fits) {
    StoryDocument taken = null;
    for (StoryDocument story : answering) {
      if (fits.of(prompt, story) < MIN_FIT) {
        continue;
      }
      if (taken == null
          || STRONGEST.compare(story, taken) > 0
          || (STRONGEST.compare(story, taken) == 0
              && fits.of(prompt, story) > fits.of(prompt, taken))) {
        taken = story;
      }
    }
    return taken;
  }

  /** The prompt's story; without one, the best-fitting story, shown as not covering it. */
  private static PromptCoverage answer(
      CatalogPrompt prompt, StoryDocument taken, List<StoryDocument> stories, Fits fits) {
    if (taken != null) {
      return new PromptCoverage(
          prompt.text(),
          ref(taken),
          rounded(fits.of(prompt, taken)),
          strength(taken) != Strength.WEAK);
    }
    StoryDocument closest = null;
    for (StoryDocument story : stories) {
      if (closest == null || fits.of(prompt, story) > fits.of(prompt, closest)) {
        closest = story;
      }
    }
    return closest == null
        ? new PromptCoverage(prompt.text(), null, null, false)
        : new PromptCoverage(prompt.text(), ref(closest), rounded(fits.of(prompt, closest)), false);
  }

  private String gapReason(
      Principle principle,
      Strength strength,
      StoryDocument best,
      List<StoryDocument> tagged,
      Fits fits) {
    if (strength == Strength.WEAK) {
      return "only weak stories (best scored " + best.score() + ")";
    }
    if (best != null) {
      return null;
    }
    if (tagged.isEmpty()) {
      return "no story is tagged with it";
    }
    String about =
        tagged.stream()
            .map(story -> aboutWhat(story, principle, fits))
            .collect(Collectors.joining("; "));
    return tagged.size() == 1
        ? "only " + about
        : "the " + tagged.size() + " stories tagged with it are about other things: " + about;
  }

  /** "“The migration” is tagged with it, and it is about Ownership, Dive Deep and Frugality". */
  private String aboutWhat(StoryDocument story, Principle principle, Fits fits) {
    String named = "“" + story.title() + "” is tagged with it";
    List<String> others = fits.answersFor(story).stream().map(this::nameOf).toList();
    if (others.isEmpty()) {
      return named
          + ", and it fits none of its prompts well enough (best fit "
          + String.format(Locale.ROOT, "%.2f", fits.toPrinciple(story, principle.id()))
          + ")";
    }
    return named + ", and it is about " + list(others);
  }

  private String nameOf(String principleId) {
    return principles.stream()
        .filter(principle -> principle.id().equals(principleId))
        .map(Principle::name)
        .findFirst()
        .orElse(principleId);
  }

  private static String list(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  /**
   * How well a story fits a catalog prompt, 0–1: the closer of the story's and its linked prompts'
   * vectors to the prompt's, lifted by {@link #TAG_LIFT} of the distance left to 1 when the story
   * is tagged with the prompt's principle.
   */
  static double fit(CatalogPrompt prompt, StoryDocument story) {
    if (story.vectors() == null) {
      return 0;
    }
    double byStory = SentenceEmbeddings.cosine(prompt.vector(), story.vectors().story());
    double byPrompts =
        story.vectors().prompts() == null
            ? 0
            : SentenceEmbeddings.cosine(prompt.vector(), story.vectors().prompts());
    double fit = Math.max(0, Math.min(1, Math.max(byStory, byPrompts)));
    return story.principles().contains(prompt.principle()) ? fit + TAG_LIFT * (1 - fit) : fit;
  }

  /** Every story's fit to every catalog prompt, and the principles each story answers for. */
  private final class Fits {

    private final Map<StoryDocument, Map<CatalogPrompt, Double>> byPrompt = new IdentityHashMap<>();
    private final Map<StoryDocument, Map<String, Double>> byPrinciple = new IdentityHashMap<>();
    private final Map<StoryDocument, List<String>> answers = new IdentityHashMap<>();

    Fits(List<StoryDocument> stories) {
      for (StoryDocument story : stories) {
        Map<CatalogPrompt, Double> fits = new IdentityHashMap<>();
        Map<String, Double> principleFits = new LinkedHashMap<>();
        for (CatalogPrompt prompt : prompts) {
          double fit = fit(prompt, story);
          fits.put(prompt, fit);
          principleFits.merge(prompt.principle(), fit, Math::max);
        }
        byPrompt.put(story, fits);
        byPrinciple.put(story, principleFits);
        answers.put(
            story,
            principleFits.entrySet().stream()
                .filter(entry -> entry.getValue() >= MIN_FIT)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_PRINCIPLES)
                .map(Map.Entry::getKey)
                .toList());
      }
    }

    double of(CatalogPrompt prompt, StoryDocument story) {
      return byPrompt.get(story).get(prompt);
    }

    double toPrinciple(StoryDocument story, String principle) {
      return byPrinciple.get(story).getOrDefault(principle, 0.0);
    }

    /** The principles the story fits best, at most {@link #MAX_PRINCIPLES}, best first. */
    List<String> answersFor(StoryDocument story) {
      return answers.get(story);
    }
  }

  private static List<StretchedStory> stretched(List<StoryDocument> stories) {
    List<StretchedStory> stretched = new ArrayList<>();
    for (StoryDocument story : stories) {
      String reason = null;
      if (story.principles().size() > MAX_PRINCIPLES) {
        reason = "tagged with " + story.principles().size() + " principles";
      } else if (story.prompts().size() > MAX_PROMPTS) {
        reason = "linked to " + story.prompts().size() + " prompts";
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

  private static Double rounded(double fit) {
    return Math.round(fit * 1000) / 1000.0;
  }

  private static int rank(Strength strength) {
    return switch (strength) {
      case STRONG -> 3;
      case ADEQUATE -> 2;
      case UNJUDGED -> 1;
      case WEAK, NONE -> 0;
    };
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
