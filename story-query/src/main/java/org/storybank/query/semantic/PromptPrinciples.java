package org.storybank.query.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storybank.rubric.Principle;
import org.storybank.rubric.PrincipleMatch;
import org.storybank.rubric.RubricCatalog;

/**
 * What the rubric catalog knows about a question: which principles it is about. Two readings: the
 * catalog's own prompts, embedded once at start-up and compared with the question's vector, and the
 * principles' keywords found in the question's words.
 */
public class PromptPrinciples {

  /** At or below this similarity the catalog says nothing about the question. */
  static final double MIN_SIMILARITY = 0.40;

  /** From MIN_SIMILARITY to MIN_SIMILARITY + this span, confidence grows from 0 to 1. */
  static final double CONFIDENT_SPAN = 0.30;

  /** How fast a principle's weight falls as its similarity trails the best one's. */
  static final double TEMPERATURE = 0.05;

  static final double MIN_WEIGHT = 0.10;

  /** The catalog's own words for a principle are as good evidence as its closest prompt. */
  static final double KEYWORD_WEIGHT = 1.0;

  private final RubricCatalog catalog;
  private final SentenceEmbeddings embeddings;
  private final List<CatalogPrompt> prompts = new ArrayList<>();

  public PromptPrinciples(RubricCatalog catalog, SentenceEmbeddings embeddings) {
    this.catalog = catalog;
    this.embeddings = embeddings;
    for (Principle principle : catalog.principles()) {
      for (String prompt : principle.prompts()) {
        prompts.add(new CatalogPrompt(principle.id(), prompt, embeddings.embed(prompt)));
      }
    }
  }

  /** A prompt of the catalog with its vector. */
  public record CatalogPrompt(String principle, String text, float[] vector) {}

  public List<CatalogPrompt> catalogPrompts() {
    return List.copyOf(prompts);
  }

  public List<InferredPrinciple> infer(String question) {
    return infer(question, embeddings.embedQuery(question));
  }

  /**
   * Each principle's best catalog prompt is compared with the question. The best one gets weight 1,
   * the others less the further they trail ({@link #TEMPERATURE}); all weights shrink when even the
   * best prompt is far from the question, so a question the catalog does not know pulls little. A
   * principle whose keywords the question uses counts at least half.
   */
  public List<InferredPrinciple> infer(String question, float[] questionVector) {
    Map<String, CatalogPrompt> closest = new LinkedHashMap<>();
    Map<String, Double> similarity = new LinkedHashMap<>();
    for (CatalogPrompt prompt : prompts) {
      double value = SentenceEmbeddings.cosine(questionVector, prompt.vector());
      if (value > similarity.getOrDefault(prompt.principle(), -1.0)) {
        similarity.put(prompt.principle(), value);
        closest.put(prompt.principle(), prompt);
      }
    }
    double top = similarity.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double confidence = Math.max(0, Math.min(1, (top - MIN_SIMILARITY) / CONFIDENT_SPAN));
    Map<String, InferredPrinciple> inferred = new LinkedHashMap<>();
    similarity.forEach(
        (principle, value) -> {
          double weight = confidence * Math.exp((value - top) / TEMPERATURE);
          if (weight >= MIN_WEIGHT) {
            inferred.put(
                principle,
                new InferredPrinciple(
                    principle,
                    round(weight),
                    String.format(
                        "the catalog asks \"%s\" for %s (similarity %.2f)",
                        closest.get(principle).text(), principle, value)));
          }
        });
    List<PrincipleMatch> keywordMatches = catalog.rankPrinciples(question);
    double strongestKeywords = keywordMatches.isEmpty() ? 0 : keywordMatches.get(0).score();
    for (PrincipleMatch match : keywordMatches) {
      InferredPrinciple byKeyword =
          new InferredPrinciple(
              match.principle(),
              round(KEYWORD_WEIGHT * match.score() / strongestKeywords),
              "the question says \""
                  + String.join("\", \"", match.phrases())
                  + "\", which the catalog ties to "
                  + match.principle());
      inferred.merge(
          match.principle(),
          byKeyword,
          (semantic, keyword) -> semantic.strength() >= keyword.strength() ? semantic : keyword);
    }
    return inferred.values().stream()
        .sorted(Comparator.comparingDouble(InferredPrinciple::strength).reversed())
        .toList();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
