package org.storybank.command.drill;

import java.time.Instant;

/** One drill as its history lists it. */
public record DrillRecord(
    String id,
    String candidateId,
    String principle,
    String prompt,
    String level,
    String reason,
    String why,
    String status,
    String storyId,
    Integer storyRevision,
    Integer rating,
    Instant drawnAt,
    Instant answeredAt,
    Instant ratedAt) {}
