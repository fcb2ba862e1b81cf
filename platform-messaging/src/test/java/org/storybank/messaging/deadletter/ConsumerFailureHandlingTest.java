package org.storybank.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.storybank.messaging.UnreadableRecord;

class ConsumerFailureHandlingTest {

  private static final RetrySettings SETTINGS =
      new RetrySettings(Duration.ofMillis(100), Duration.ofSeconds(5), 3);

  private final TransientFailures transients =
      new TransientFailures(
          List.of(
              cause ->
                  cause.getMessage() != null
                      && cause.getMessage().contains("cluster_block_exception")));

  @Test
  void anUnreadableRecordIsDeadLetteredWithoutARetry() {
    assertThat(tries(wrapped(new UnreadableRecord("empty record")))).isEqualTo(1);
  }

  @Test
  void aFailureThatIsNotTransientIsTriedAFewTimesThenDeadLettered() {
    assertThat(tries(wrapped(new NullPointerException("storyId")))).isEqualTo(3);
  }

  @Test
  void aTransientFailureIsRetriedWithGrowingWaitsForAsLongAsItLasts() {
    for (Exception failure :
        List.of(
            wrapped(new RuntimeException("write", new ConnectException("refused"))),
            wrapped(new RuntimeException(new SQLException("gone", "08006"))),
            wrapped(new SQLException("shutting down", "57P01")),
            wrapped(new IllegalStateException("cluster_block_exception: index read-only")))) {
      BackOffExecution execution = backOff(failure).start();
      long previous = 0;
      for (int i = 0; i < 200; i++) {
        long wait = execution.nextBackOff();
        assertThat(wait).isNotEqualTo(BackOffExecution.STOP).isGreaterThanOrEqualTo(previous);
        previous = wait;
      }
      assertThat(previous).isEqualTo(5_000);
    }
  }

  @Test
  void anSqlErrorOfTheStatementItselfIsNotTransient() {
    assertThat(transients.isTransient(new SQLException("syntax", "42601"))).isFalse();
    assertThat(tries(wrapped(new SQLException("syntax", "42601")))).isEqualTo(3);
  }

  @Test
  void theReasonNamesTheUnreadableRecordOrTheInnermostCause() {
    assertThat(FailureReasons.reason(wrapped(new UnreadableRecord("empty record"))))
        .isEqualTo("unreadable: empty record");
    assertThat(
            FailureReasons.reason(
                wrapped(new IllegalStateException("x", new NullPointerException("y")))))
        .isEqualTo("not applied: java.lang.NullPointerException: y");
  }

  @Test
  void aDeadLetterIdNamesItsTopicPartitionAndOffset() {
    DeadLetterId id = DeadLetterId.parse("storybank.story-events.dlt-0-42");
    assertThat(id.partition().topic()).isEqualTo("storybank.story-events.dlt");
    assertThat(id.partition().partition()).isZero();
    assertThat(id.offset()).isEqualTo(42);
    assertThat(id).hasToString("storybank.story-events.dlt-0-42");
    assertThatThrownBy(() -> DeadLetterId.parse("storybank.story-events-0-42"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeadLetterId.parse("storybank.story-events.dlt-x-42"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private BackOff backOff(Exception failure) {
    return ConsumerFailureHandling.backOff(failure, transients, SETTINGS);
  }

  private int tries(Exception failure) {
    BackOffExecution execution = backOff(failure).start();
    int tries = 1;
    while (execution.nextBackOff() != BackOffExecution.STOP) {
      tries++;
    }
    return tries;
  }

  private static Exception wrapped(Exception cause) {
    return new ListenerExecutionFailedException("listener failed", cause);
  }
}
