package org.storybank.query.rebuild;

import java.time.Instant;

/** One row of the event store, as read for a rebuild. */
record StoredEvent(
    long globalIndex,
    String eventId,
    String aggregateId,
    long sequence,
    Instant timestamp,
    String payloadType,
    String payloadRevision,
    byte[] payload) {}
