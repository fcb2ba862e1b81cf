package org.storybank.query.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The in-process MiniLM sentence model (384 dimensions, quantised, on the CPU; it ships inside its
 * jar, nothing is downloaded), each embedding on its caller's thread ({@link OneThreadOnnxModels}).
 * About 5 ms a sentence here, so query vectors are cached: interview prompts repeat.
 */
public class SentenceEmbeddings {

  public static final int DIMENSIONS = 384;

  /** Texts beyond this are cut: the model reads 256 word pieces at a time and cost is linear. */
  static final int MAX_CHARS = 1_500;

  private final EmbeddingModel model;
  private final Cache<String, float[]> queries;

  public SentenceEmbeddings() {
    this(OneThreadOnnxModels.miniLm(), 10_000);
  }

  SentenceEmbeddings(EmbeddingModel model, int cachedQueries) {
    this.model = model;
    this.queries = Caffeine.newBuilder().maximumSize(cachedQueries).build();
  }

  public float[] embed(String text) {
    String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    return model.embed(cut).content().vector();
  }

  public float[] embedQuery(String query) {
    return queries.get(query.strip().toLowerCase(java.util.Locale.ROOT), this::embed);
  }

  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }
}
