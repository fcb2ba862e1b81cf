package org.storybank.query.access;

import org.storybank.query.indexing.MembershipsIndex;
import org.storybank.security.Caller;

/**
 * Who may read what is derived about a candidate (coverage): the candidate, and the coach of the
 * cohort they are in now. Anyone else gets the same answer as for an id that does not exist.
 */
public class CandidateAccess {

  private final MembershipsIndex memberships;

  public CandidateAccess(MembershipsIndex memberships) {
    this.memberships = memberships;
  }

  public void checkRead(Caller caller, String candidateId) {
    boolean allowed =
        switch (caller.role()) {
          case CANDIDATE -> caller.userId().equals(candidateId);
          case COACH -> memberships.cohortOf(candidateId).map(caller::belongsTo).orElse(false);
          case ADMIN -> false;
        };
    if (!allowed) {
      throw new NotFound("no candidate " + candidateId);
    }
  }

  /** A coach reads the analytics of the cohorts they coach, nobody else does. */
  public static void checkCoachOf(Caller caller, String cohortId) {
    if (!(caller.is(org.storybank.security.Role.COACH) && caller.belongsTo(cohortId))) {
      throw new NotFound("no cohort " + cohortId);
    }
  }
}
