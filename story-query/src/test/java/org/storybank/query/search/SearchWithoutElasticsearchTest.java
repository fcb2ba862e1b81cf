package org.storybank.query.search;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.storybank.query.elasticsearch.ElasticsearchClients;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.rubric.RubricCatalog;
import org.storybank.security.audit.AuditTrail;

/**
 * The real search with the real Elasticsearch client pointed at a port nothing listens on: the
 * caller gets 503 with Retry-After, as when the cluster is down.
 */
@WebMvcTest(StorySearchController.class)
class SearchWithoutElasticsearchTest {

  @TestConfiguration
  static class Parts {
    @Bean
    StoryQueryParser storyQueryParser() {
      return new StoryQueryParser(RubricCatalog.load());
    }

    @Bean
    StorySearch storySearch() throws IOException {
      String url = "http://127.0.0.1:" + closedPort();
      ElasticsearchClient client =
          ElasticsearchClients.connect(url, null, null, new ObjectMapper());
      StoriesIndex index =
          new StoriesIndex(client, ElasticsearchProperties.forTest(url, "no-such-cluster"));
      // listing without a question reads neither the embeddings nor the question reader
      return new StorySearch(client, index, null, null);
    }

    private static int closedPort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean AuditTrail audit;

  @Test
  void listingStoriesWhileElasticsearchIsDownAnswers503WithRetryAfter() throws Exception {
    mvc.perform(
            get("/api/search/stories")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .subject("alice")
                                    .claim("role", "candidate")
                                    .claim("cohorts", List.of("c1")))))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(503));
  }
}
