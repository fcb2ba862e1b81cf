package org.storybank.messaging.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

class ConsumerAssignmentsTest {

  @Test
  void downUntilEveryRunningListenerHasBeenGivenItsPartitionsEvenNone() {
    ConsumerAssignments assignments = new ConsumerAssignments();
    assertThat(assignments.health().getStatus())
        .as("no listener: nothing to wait for")
        .isEqualTo(Status.UP);

    ConsumerAwareRebalanceListener stories = assignments.track("stories#0", () -> true);
    ConsumerAwareRebalanceListener cohorts = assignments.track("cohorts#1", () -> true);
    assignments.track("never-started#2", () -> false);
    assertThat(assignments.health().getStatus()).isEqualTo(Status.DOWN);

    stories.onPartitionsAssigned(null, List.of(new TopicPartition("storybank.story-events", 0)));
    assertThat(assignments.health().getStatus()).isEqualTo(Status.DOWN);

    cohorts.onPartitionsAssigned(null, List.of());
    assertThat(assignments.health().getStatus()).isEqualTo(Status.UP);
    assertThat(assignments.health().getDetails().get("listeners"))
        .isEqualTo(
            java.util.Map.of(
                "stories#0", "assigned",
                "cohorts#1", "assigned",
                "never-started#2", "not running"));
  }
}
