package org.storybank.query.semantic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;

/**
 * Which principles an interview question probes, as probabilities: {@link PrincipleClassifier} over
 * the question's bge-small vector (a model that reads questions better than MiniLM here, by the
 * corpus's tuning part). Interviewers ask in a thousand ways, so it learned from the catalog's
 * prompts, several hundred written example questions and the tuning banks' questions, not from
 * keywords.
 */
public class QuestionReader {

  static final String RESOURCE = "/search/principle-classifier.json";

  /** Beyond the three likeliest, principles below this probability are not read into it. */
  static final double MIN_PROBABILITY = 0.05;

  static final int ALWAYS_READ = 3;

  /**
   * A search of fewer words is a search for those words ("Henderson", a title fragment), not an
   * interview question: no principle is read into it, so no story comes back for its tags alone.
   */
  static final int MIN_QUESTION_WORDS = 4;

  static final int MAX_PRINCIPLES = 5;

  /** bge-small's instruction for a search query; the examples were embedded with it too. */
  public static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  private final EmbeddingModel model;
  private final PrincipleClassifier classifier;
  private final Map<String, String> names;
  private final Cache<String, List<InferredPrinciple>> readings =
      Caffeine.newBuilder().maximumSize(10_000).build();

  public QuestionReader(RubricCatalog catalog) {
    this(catalog, OneThreadOnnxModels.bgeSmall(), load());
  }

  QuestionReader(RubricCatalog catalog, EmbeddingModel model, PrincipleClassifier classifier) {
    this.model = model;
    this.classifier = classifier;
    this.names =
        catalog.principles().stream().collect(Collectors.toMap(Principle::id, Principle::name));
  }

  /** The question's vector as the classifier reads it. */
  public float[] embed(String question) {
    return model.embed(QUERY_INSTRUCTION + question).content().vector();
  }

  /** The principles the question probes, most probable first, each with its probability. */
  public List<InferredPrinciple> read(String question) {
    if (!isQuestion(question)) {
      return List.of();
    }
    String key = question.strip().toLowerCase(Locale.ROOT);
    return readings.get(key, text -> readVector(embed(question)));
  }

  /** Whether the text is long enough to be read as an interview question at all. */
  public static boolean isQuestion(String text) {
    return text != null && text.strip().split("\\s+").length >= MIN_QUESTION_WORDS;
  }

  List<InferredPrinciple> readVector(float[] vector) {
    double[] probabilities = classifier.probabilities(vector);
    double[] sorted = probabilities.clone();
    java.util.Arrays.sort(sorted);
    double third = sorted[Math.max(0, sorted.length - ALWAYS_READ)];
    List<InferredPrinciple> read = new ArrayList<>();
    for (int c = 0; c < probabilities.length; c++) {
      if (probabilities[c] >= Math.min(MIN_PROBABILITY, third)) {
        String principle = classifier.principles().get(c);
        double probability = Math.round(probabilities[c] * 1000) / 1000.0;
        read.add(
            new InferredPrinciple(
                principle,
                probability,
                String.format(
                    Locale.ROOT,
                    "the question reads like one about %s (%.0f %%)",
                    names.getOrDefault(principle, principle),
                    100 * probability)));
      }
    }
    read.sort(Comparator.comparingDouble(InferredPrinciple::strength).reversed());
    return List.copyOf(read.subList(0, Math.min(MAX_PRINCIPLES, read.size())));
  }

  static PrincipleClassifier load() {
    try (InputStream in = QuestionReader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing: learn it with PrincipleClassifierTrainer");
      }
      return new ObjectMapper().readValue(in, PrincipleClassifier.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
