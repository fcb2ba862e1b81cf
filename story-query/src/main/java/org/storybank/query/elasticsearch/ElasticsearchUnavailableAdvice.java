package org.storybank.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.storybank.security.ServiceUnavailable;

/**
 * Every read of this service is a read of Elasticsearch: when it cannot be reached, or answers that
 * it cannot serve for now, the request answers 503 with {@code Retry-After}, not 500. Here an
 * {@link UncheckedIOException} is how the index classes report that Elasticsearch could not be
 * reached.
 */
@RestControllerAdvice
class ElasticsearchUnavailableAdvice {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchUnavailableAdvice.class);

  /** Too many requests, a bad gateway, unavailable (no shard to search yet), a gateway timeout. */
  private static final Set<Integer> PASSING_STATUSES = Set.of(429, 502, 503, 504);

  private static final String DETAIL =
      "the search index cannot be reached now; try again in a few seconds";

  @ExceptionHandler(UncheckedIOException.class)
  ResponseEntity<ProblemDetail> unreachable(UncheckedIOException failure) {
    log.warn("answered 503: {} ({})", failure.getMessage(), String.valueOf(failure.getCause()));
    return ServiceUnavailable.answer(DETAIL);
  }

  @ExceptionHandler(ElasticsearchException.class)
  ResponseEntity<ProblemDetail> refused(ElasticsearchException failure) {
    if (!PASSING_STATUSES.contains(failure.status())) {
      throw failure;
    }
    log.warn(
        "answered 503: Elasticsearch answered {} ({})", failure.status(), failure.getMessage());
    return ServiceUnavailable.answer(DETAIL);
  }
}
