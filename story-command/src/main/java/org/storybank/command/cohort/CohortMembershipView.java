package org.storybank.command.cohort;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CoachAssigned;
import org.storybank.command.story.CohortMembership;

/**
 * The membership the Story aggregate authorises against, updated by a subscribing processor in the
 * transaction that stores the cohort event.
 */
@Component
@ProcessingGroup(CohortMembershipView.PROCESSING_GROUP)
class CohortMembershipView implements CohortMembership {

  static final String PROCESSING_GROUP = "cohort-membership";

  private final JdbcClient jdbc;

  CohortMembershipView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> cohortOf(String candidateId, String cohortAtDraft) {
    List<Optional<String>> rows =
        jdbc.sql("SELECT cohort_id FROM cohort_membership WHERE candidate_id = ?")
            .param(candidateId)
            .query((row, n) -> Optional.ofNullable(row.getString("cohort_id")))
            .list();
    return rows.isEmpty() ? Optional.ofNullable(cohortAtDraft) : rows.get(0);
  }

  Optional<String> coachOf(String cohortId) {
    return jdbc.sql("SELECT coach_id FROM cohort_coach WHERE cohort_id = ?")
        .param(cohortId)
        .query(String.class)
        .optional();
  }

  List<String> candidatesOf(String cohortId) {
    return jdbc.sql(
            "SELECT candidate_id FROM cohort_membership WHERE cohort_id = ? ORDER BY candidate_id")
        .param(cohortId)
        .query(String.class)
        .list();
  }

  @EventHandler
  void on(CoachAssigned event) {
    jdbc.sql(
            """
            INSERT INTO cohort_coach (cohort_id, coach_id) VALUES (?, ?)
            ON CONFLICT (cohort_id) DO UPDATE SET coach_id = EXCLUDED.coach_id
            """)
        .params(event.cohortId(), event.coachId())
        .update();
  }

  @EventHandler
  void on(CandidateEnrolled event) {
    jdbc.sql(
            """
            INSERT INTO cohort_membership (candidate_id, cohort_id) VALUES (?, ?)
            ON CONFLICT (candidate_id) DO UPDATE SET cohort_id = EXCLUDED.cohort_id
            """)
        .params(event.candidateId(), event.cohortId())
        .update();
  }

  @EventHandler
  void on(CandidateRemoved event) {
    jdbc.sql(
            "UPDATE cohort_membership SET cohort_id = NULL WHERE candidate_id = ? AND cohort_id = ?")
        .params(event.candidateId(), event.cohortId())
        .update();
  }
}
