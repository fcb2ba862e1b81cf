package org.storybank.api.cohort;

import org.storybank.api.cohort.CohortCommands.AcceptInvitation;
import org.storybank.api.cohort.CohortCommands.AssignCoach;
import org.storybank.api.cohort.CohortCommands.CreateCohort;
import org.storybank.api.cohort.CohortCommands.InviteCandidate;
import org.storybank.api.cohort.CohortCommands.RemoveCandidate;
import org.storybank.api.story.Actor;

public sealed interface CohortCommand
    permits CreateCohort, AssignCoach, InviteCandidate, AcceptInvitation, RemoveCandidate {

  String cohortId();

  Actor actor();
}
