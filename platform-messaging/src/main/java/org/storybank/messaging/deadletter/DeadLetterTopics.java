package org.storybank.messaging.deadletter;

import java.util.List;
import org.storybank.api.messaging.EventTopics;

/** Where records that could not be read or applied go: one dead-letter topic per topic. */
public final class DeadLetterTopics {

  /** Why the record was dead-lettered, in words; the Spring Kafka headers carry the exception. */
  public static final String HEADER_REASON = "storybank-dead-letter-reason";

  /** Set on a record an admin sent back to its topic, naming the dead letter it came from. */
  public static final String HEADER_RETRY_OF = "storybank-retry-of";

  static final String SUFFIX = ".dlt";

  private DeadLetterTopics() {}

  public static String of(String topic) {
    return topic + SUFFIX;
  }

  public static String originOf(String deadLetterTopic) {
    if (!deadLetterTopic.endsWith(SUFFIX)) {
      throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic");
    }
    return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
  }

  /** The dead-letter topics of every topic our services consume. */
  public static List<String> all() {
    return List.of(
            EventTopics.STORY_EVENTS,
            EventTopics.COHORT_EVENTS,
            EventTopics.LOOP_EVENTS,
            EventTopics.DRILL_EVENTS,
            EventTopics.EVALUATION_RESULTS)
        .stream()
        .map(DeadLetterTopics::of)
        .toList();
  }
}
