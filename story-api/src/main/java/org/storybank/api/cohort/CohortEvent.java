package org.storybank.api.cohort;

import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateInvited;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CoachAssigned;
import org.storybank.api.cohort.CohortEvents.CohortCreated;

public sealed interface CohortEvent
    permits CohortCreated, CoachAssigned, CandidateInvited, CandidateEnrolled, CandidateRemoved {

  String cohortId();
}
