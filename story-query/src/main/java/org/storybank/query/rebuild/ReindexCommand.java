package org.storybank.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.storybank.query.elasticsearch.ElasticsearchClients;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.indexing.EvaluationsIndex;
import org.storybank.query.indexing.LoopsIndex;
import org.storybank.query.indexing.MembershipsIndex;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.query.semantic.StoryEmbedder;

/**
 * {@code ./storybank reindex}: rebuilds the search indexes from the event store while the service
 * keeps serving the old ones. Configured by the same environment variables as the service.
 */
public final class ReindexCommand {

  private ReindexCommand() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    String elasticsearchUrl =
        env.getOrDefault("STORYBANK_ELASTICSEARCH_URL", "http://127.0.0.1:9200");
    ElasticsearchProperties properties =
        new ElasticsearchProperties(
            elasticsearchUrl,
            env.getOrDefault("STORYBANK_STORIES_INDEX", "stories"),
            env.getOrDefault("STORYBANK_EVALUATIONS_INDEX", "evaluations"),
            env.getOrDefault("STORYBANK_MEMBERSHIPS_INDEX", "memberships"));
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    try (ElasticsearchClient elasticsearch =
            ElasticsearchClients.connect(
                elasticsearchUrl,
                env.get("STORYBANK_ELASTICSEARCH_USERNAME"),
                env.get("STORYBANK_ELASTICSEARCH_PASSWORD"),
                json);
        EventStore store =
            new EventStore(
                env.getOrDefault(
                    "STORYBANK_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/storybank"),
                env.getOrDefault("STORYBANK_POSTGRES_USER", "postgres"),
                env.getOrDefault("STORYBANK_POSTGRES_PASSWORD", ""))) {
      try {
        elasticsearch.cluster().health();
      } catch (java.io.IOException e) {
        System.err.println(
            "reindex failed: Elasticsearch does not answer at "
                + elasticsearchUrl
                + "; start it with ./storybank up");
        System.exit(1);
      }
      Reindex.Result result =
          new Reindex(
                  elasticsearch,
                  store,
                  new StoriesIndex(elasticsearch, properties),
                  new EvaluationsIndex(elasticsearch, properties),
                  new MembershipsIndex(elasticsearch, properties),
                  new LoopsIndex(elasticsearch, properties),
                  new StoryEmbedder(new SentenceEmbeddings()),
                  System.out,
                  Clock.systemUTC())
              .run();
      System.out.printf(
          Locale.ROOT,
          "rebuilt %,d stories, %,d evaluations, %,d memberships and %,d loops from %,d events"
              + " in %.1f s"
              + " (%,.0f events/s); %,d events applied again after the swap%n",
          result.stories(),
          result.evaluations(),
          result.memberships(),
          result.loops(),
          result.events(),
          result.seconds(),
          result.eventsPerSecond(),
          result.caughtUp());
    } catch (Exception e) {
      System.err.println("reindex failed: " + e.getMessage());
      System.err.println("the indexes searches use were not changed; run it again to start over");
      System.exit(1);
    }
  }
}
