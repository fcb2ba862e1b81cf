package org.storybank.query.search;

import java.util.List;
import org.storybank.security.Caller;

/**
 * Which stories a caller may find, derived from the token and never from the query string: a
 * candidate their own, a coach those of their cohorts, anyone else none.
 */
sealed interface SearchScope {

  record OwnStories(String authorId) implements SearchScope {}

  record CohortStories(List<String> cohortIds) implements SearchScope {}

  record Nothing() implements SearchScope {}

  static SearchScope of(Caller caller) {
    return switch (caller.role()) {
      case CANDIDATE -> new OwnStories(caller.userId());
      case COACH ->
          caller.cohortIds().isEmpty() ? new Nothing() : new CohortStories(caller.cohortIds());
      case ADMIN -> new Nothing();
    };
  }
}
