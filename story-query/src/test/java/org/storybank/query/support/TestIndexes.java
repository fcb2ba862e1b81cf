package org.storybank.query.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.storybank.infra.TestServers;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.indexing.EvaluationsIndex;
import org.storybank.query.indexing.LoopsIndex;
import org.storybank.query.indexing.MembershipsIndex;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.semantic.PromptPrinciples;
import org.storybank.query.semantic.QuestionReader;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.rubric.RubricCatalog;

/**
 * A fresh set of indexes on the shared real Elasticsearch node, under a prefix of its own, and the
 * (expensive, shared) sentence model. Close it to drop the indexes.
 */
public final class TestIndexes implements AutoCloseable {

  private static SentenceEmbeddings embeddings;
  private static PromptPrinciples principles;
  private static QuestionReader questionReader;

  public final ElasticsearchClient elasticsearch;
  public final ElasticsearchProperties properties;
  public final StoriesIndex stories;
  public final EvaluationsIndex evaluations;
  public final MembershipsIndex memberships;
  public final LoopsIndex loops;

  public TestIndexes() {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    String url = TestServers.shared().elasticsearchUrl();
    elasticsearch =
        ElasticsearchClient.of(
            cluster -> cluster.host(url).jsonMapper(new JacksonJsonpMapper(json)));
    properties =
        ElasticsearchProperties.forTest(
            url, "test-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT));
    stories = new StoriesIndex(elasticsearch, properties);
    evaluations = new EvaluationsIndex(elasticsearch, properties);
    memberships = new MembershipsIndex(elasticsearch, properties);
    loops = new LoopsIndex(elasticsearch, properties);
    stories.createIfMissing();
    evaluations.createIfMissing();
    memberships.createIfMissing();
    loops.createIfMissing();
  }

  public static synchronized SentenceEmbeddings embeddings() {
    if (embeddings == null) {
      embeddings = new SentenceEmbeddings();
    }
    return embeddings;
  }

  public static synchronized QuestionReader questionReader() {
    if (questionReader == null) {
      questionReader = new QuestionReader(RubricCatalog.load());
    }
    return questionReader;
  }

  public static synchronized PromptPrinciples principles() {
    if (principles == null) {
      principles = new PromptPrinciples(RubricCatalog.load(), embeddings());
    }
    return principles;
  }

  public StoryEmbedder embedder() {
    return new StoryEmbedder(embeddings());
  }

  public void refresh() {
    try {
      elasticsearch.indices().refresh(refresh -> refresh.index(properties.storiesIndex() + "*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    List<String> created =
        List.copyOf(
            elasticsearch
                .indices()
                .get(get -> get.index(properties.storiesIndex() + "*"))
                .indices()
                .keySet());
    if (!created.isEmpty()) {
      elasticsearch.indices().delete(delete -> delete.index(created));
    }
    elasticsearch.close();
  }
}
