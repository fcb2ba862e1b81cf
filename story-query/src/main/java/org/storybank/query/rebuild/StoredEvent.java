package org.storybank.query.rebuild;

import java.time.Instant;
import org.storybank.query.projection.EventEnvelope;

/** One row of the event store, as read for a rebuild. */
record StoredEvent(
    long globalIndex,
    String eventId,
    String aggregateId,
    long sequence,
    Instant timestamp,
    String payloadType,
    String payloadRevision,
    byte[] payload) {

  /** What the live consumers read from the Kafka headers, taken from the row instead. */
  EventEnvelope envelope() {
    return new EventEnvelope(eventId, aggregateId, sequence, timestamp);
  }
}
