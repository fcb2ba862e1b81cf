package org.storybank.query.projection;

import java.time.Instant;

/** What the publisher put in the Kafka headers beside an event. */
public record EventEnvelope(String eventId, String aggregateId, long sequence, Instant timestamp) {}
