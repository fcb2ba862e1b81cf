package org.storybank.api.messaging;

/**
 * How events travel on Kafka: one topic per aggregate type, keyed by aggregate id so that one
 * aggregate's events stay in order, the payload as JSON and the envelope in headers.
 */
public final class EventTopics {

  public static final String STORY_EVENTS = "storybank.story-events";
  public static final String COHORT_EVENTS = "storybank.cohort-events";
  public static final String LOOP_EVENTS = "storybank.loop-events";
  public static final String DRILL_EVENTS = "storybank.drill-events";

  /** Automatic evaluations on their way from the evaluation service to the command side. */
  public static final String EVALUATION_RESULTS = "storybank.evaluation-results";

  public static final String HEADER_EVENT_ID = "storybank-event-id";
  public static final String HEADER_EVENT_TYPE = "storybank-event-type";
  public static final String HEADER_AGGREGATE_ID = "storybank-aggregate-id";
  public static final String HEADER_SEQUENCE = "storybank-sequence";
  public static final String HEADER_TIMESTAMP = "storybank-timestamp";

  private EventTopics() {}
}
