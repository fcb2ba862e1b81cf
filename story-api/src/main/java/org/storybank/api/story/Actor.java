package org.storybank.api.story;

import java.util.List;

/**
 * Who sends a command, as the caller's token describes them. The aggregate decides from this alone
 * what they may do to the story.
 */
public record Actor(String userId, ActorRole role, List<String> cohortIds) {

  public Actor {
    cohortIds = cohortIds == null ? List.of() : List.copyOf(cohortIds);
  }

  public static Actor candidate(String userId, List<String> cohortIds) {
    return new Actor(userId, ActorRole.CANDIDATE, cohortIds);
  }

  public static Actor coach(String userId, List<String> cohortIds) {
    return new Actor(userId, ActorRole.COACH, cohortIds);
  }

  /** The automatic evaluator: a service acting on its own behalf. */
  public static Actor evaluator(String serviceId) {
    return new Actor(serviceId, ActorRole.EVALUATOR, List.of());
  }

  public boolean coaches(String cohortId) {
    return role == ActorRole.COACH && cohortId != null && cohortIds.contains(cohortId);
  }

  public enum ActorRole {
    CANDIDATE,
    COACH,
    ADMIN,
    EVALUATOR
  }
}
