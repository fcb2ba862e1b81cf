package org.storybank.security.audit;

/**
 * One thing someone did: {@code action} says what ({@code "read story"}, {@code "search hit"},
 * {@code "PUT /api/stories/{storyId}"}…), {@code storyId} the story it touched, {@code targetId}
 * any other object (a cohort, an account, a comment), {@code ownerId} whose data it was.
 */
public record AuditEntry(String action, String storyId, String targetId, String ownerId) {

  public static AuditEntry aboutStory(String action, String storyId, String ownerId) {
    return new AuditEntry(action, storyId, null, ownerId);
  }
}
