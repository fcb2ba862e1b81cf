package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import org.junit.jupiter.api.Test;

/** A failed search of the one multi-search is Elasticsearch's failure, status included. */
class QuestionRankingsFailureTest {

  @Test
  void aSearchThatCannotRunYetKeepsItsStatus() {
    MultiSearchResponseItem<Object> failed =
        MultiSearchResponseItem.of(
            item ->
                item.failure(
                    failure ->
                        failure
                            .status(503)
                            .error(
                                error ->
                                    error
                                        .type("search_phase_execution_exception")
                                        .reason("all shards failed"))));

    ElasticsearchException thrown =
        catchThrowableOfType(ElasticsearchException.class, () -> QuestionRankings.result(failed));

    assertThat(thrown.status()).isEqualTo(503);
    assertThat(thrown.getMessage()).contains("all shards failed");
  }
}
