package org.storybank.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field a cohort report aggregates on is one the index defines. */
class AnalyticsFieldsTest {

  @Test
  void theStoriesIndexDefinesEveryFieldTheReportsReadOfIt() throws IOException {
    assertDefined("/search/stories-index.json", AnalyticsFields.OF_STORIES);
  }

  @Test
  void theEvaluationsIndexDefinesEveryFieldTheReportsReadOfIt() throws IOException {
    assertDefined("/search/evaluations-index.json", AnalyticsFields.OF_EVALUATIONS);
  }

  private static void assertDefined(String resource, List<String> fields) throws IOException {
    JsonNode mappings;
    try (InputStream in = AnalyticsFieldsTest.class.getResourceAsStream(resource)) {
      mappings = new ObjectMapper().readTree(in).path("mappings");
    }
    for (String field : fields) {
      JsonNode node = mappings;
      for (String part : field.split("\\.")) {
        node = node.path("properties").path(part);
      }
      assertThat(node.path("type").isMissingNode()).as("%s in %s", field, resource).isFalse();
    }
  }
}
