package org.storybank.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts the candidate stories for a question in order. Each signal is standardised over the
 * candidates (how far above or below the others a story stands, in standard deviations), then
 * weighted: words in common (BM25), the whole story's meaning, the linked prompts' meaning (only
 * ever a lift: most stories link none), and whether the story is tagged with a principle the
 * question probes (the square root of the strongest such principle's probability, so that a likely
 * second reading still counts). Ranks of different rankings are not added, as before: the scores
 * say how much better one story is, which ranks throw away. Pure, so it is tested without
 * Elasticsearch; the weights were chosen on the corpus's tuning banks.
 */
final class QuestionFusion {

  /** How much each standardised signal counts. */
  record Weights(double lexical, double story, double prompts, double principle) {

    /** Chosen on the tuning banks (corpus/README.md); each bank's reading learned without it. */
    static final Weights TUNED = new Weights(0.25, 0.5, 0.5, 0.5);

    /**
     * For a few words ({@link org.storybank.query.semantic.QuestionReader#isQuestion}: a name, a
     * title fragment): the story holding them comes first, meaning only orders the rest.
     */
    static final Weights WORDS = new Weights(1.0, 0.25, 0.25, 0);

    static Weights forQuery(String text) {
      return org.storybank.query.semantic.QuestionReader.isQuestion(text) ? TUNED : WORDS;
    }
  }

  /**
   * What the rankings said of one story. {@code lexical} is 0 when no word matched; a cosine is
   * null when that ranking did not reach the story (or it links no prompt).
   */
  record Candidate(
      String storyId,
      double lexical,
      Double storyCosine,
      Double promptCosine,
      List<String> principles) {}

  /** A story's fused score, and how well its tags fit the question's principles (0–1). */
  record Fused(String storyId, double score, double principleFit) {}

  private QuestionFusion() {}

  static List<Fused> fuse(
      List<Candidate> candidates, Map<String, Double> questionPrinciples, Weights weights) {
    Standard lexical = Standard.of(candidates, Candidate::lexical);
    Standard story = Standard.of(candidates, c -> c.storyCosine());
    Standard prompts = Standard.of(candidates, c -> c.promptCosine());
    List<Double> fits = new ArrayList<>();
    for (Candidate candidate : candidates) {
      fits.add(principleFit(candidate.principles(), questionPrinciples));
    }
    Standard principle = Standard.of(fits);
    List<Fused> fused = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      double score =
          weights.lexical() * lexical.z(candidate.lexical())
              + weights.story() * story.z(candidate.storyCosine())
              + weights.prompts() * Math.max(0, prompts.z(candidate.promptCosine()))
              + weights.principle() * principle.z(fits.get(i));
      fused.add(new Fused(candidate.storyId(), score, fits.get(i)));
    }
    fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparing(Fused::storyId));
    return fused;
  }

  /** The square root of the probability of the likeliest principle the story is tagged with. */
  static double principleFit(List<String> tags, Map<String, Double> questionPrinciples) {
    double best = 0;
    for (String tag : tags) {
      best = Math.max(best, questionPrinciples.getOrDefault(tag, 0.0));
    }
    return fitOf(best);
  }

  /** The fit of a story whose likeliest tagged principle has this probability. */
  static double fitOf(double probability) {
    return Math.sqrt(probability);
  }

  /**
   * Mean and standard deviation of a signal over the candidates that have it; a candidate without
   * it stands at the lowest value seen, and a signal that does not vary counts for nothing.
   */
  private record Standard(double mean, double deviation, double lowest) {

    static Standard of(List<Candidate> candidates, Function<Candidate, Double> signal) {
      List<Double> values = new ArrayList<>();
      for (Candidate candidate : candidates) {
        Double value = signal.apply(candidate);
        if (value != null) {
          values.add(value);
        }
      }
      return of(values);
    }

    static Standard of(List<Double> values) {
      if (values.isEmpty()) {
        return new Standard(0, 0, 0);
      }
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double variance =
          values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
      double lowest = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      return new Standard(mean, Math.sqrt(variance), lowest);
    }

    double z(Double value) {
      if (deviation < 1e-9) {
        return 0;
      }
      return ((value == null ? lowest : value) - mean) / deviation;
    }
  }
}
