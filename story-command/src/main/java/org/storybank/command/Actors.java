package org.storybank.command;

import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;
import org.storybank.security.Caller;

/** The caller of an HTTP request as the aggregate sees them. */
public final class Actors {

  private Actors() {}

  public static Actor of(Caller caller) {
    ActorRole role =
        switch (caller.role()) {
          case CANDIDATE -> ActorRole.CANDIDATE;
          case COACH -> ActorRole.COACH;
          case ADMIN -> ActorRole.ADMIN;
        };
    return new Actor(caller.userId(), role, caller.cohortIds());
  }
}
