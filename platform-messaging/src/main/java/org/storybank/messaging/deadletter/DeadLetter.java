package org.storybank.messaging.deadletter;

import java.time.Instant;

/**
 * One record in a dead-letter topic, as an admin sees it.
 *
 * @param id {@code <dead-letter topic>-<partition>-<offset>}, what a retry names
 * @param value the record's value as text (null for an empty record), cut at 4,000 characters
 */
public record DeadLetter(
    String id,
    String topic,
    int partition,
    long offset,
    String key,
    String eventType,
    String consumerGroup,
    String reason,
    Instant deadLetteredAt,
    String value) {}
