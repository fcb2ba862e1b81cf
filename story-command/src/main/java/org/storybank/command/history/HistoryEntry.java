package org.storybank.command.history;

import java.time.Instant;

/**
 * One step of a story's history: what happened ({@code type} is the event's name), who did it and
 * when, the revision it belongs to, and what it carried.
 */
public record HistoryEntry(
    long version, String type, String actorId, Instant at, int revision, Object details) {}
