package org.storybank.gateway.deadletter;

import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.storybank.messaging.deadletter.DeadLetter;
import org.storybank.messaging.deadletter.DeadLetterStore;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/**
 * Records no consumer could read or apply, for the organisation's admins: what they were and why,
 * and a retry that sends one back to its topic once the cause is mended.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

  private static final int MAX_LIMIT = 1_000;

  private final DeadLetterStore store;

  DeadLetterController(DeadLetterStore store) {
    this.store = store;
  }

  record Retried(String deadLetterId, String topic, int partition, long offset) {}

  /**
   * The latest dead letters of every topic ({@code limit} per topic, 200 by default), newest first.
   */
  @GetMapping
  List<DeadLetter> list(Caller caller, @RequestParam(defaultValue = "200") int limit) {
    requireAdmin(caller);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidLimit();
    }
    return store.list(limit);
  }

  @PostMapping("/{deadLetterId}/retry")
  ResponseEntity<Retried> retry(Caller caller, @PathVariable String deadLetterId)
      throws InterruptedException {
    requireAdmin(caller);
    RecordMetadata sent =
        store
            .retry(deadLetterId)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such dead letter"));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Retried(deadLetterId, sent.topic(), sent.partition(), sent.offset()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> notADeadLetterId(IllegalArgumentException refused) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
    problem.setProperty("parameter", "deadLetterId");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(InvalidLimit.class)
  ResponseEntity<ProblemDetail> invalidLimit() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    problem.setProperty("parameter", "limit");
    return ResponseEntity.badRequest().body(problem);
  }

  private static final class InvalidLimit extends RuntimeException {}

  private static void requireAdmin(Caller caller) {
    if (!caller.is(Role.ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin reads dead letters");
    }
  }
}
