package org.storybank.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateInvited;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CoachAssigned;
import org.storybank.api.cohort.CohortEvents.CohortCreated;
import org.storybank.api.messaging.EventTopics;
import org.storybank.messaging.EventRecords;

/**
 * Keeps the cohorts that go into access tokens in step with the Cohort aggregate: who coaches which
 * cohort and which candidates are in it. The next token a member gets carries the change; one who
 * leaves a cohort (a replaced coach, a removed candidate) has the tokens naming it revoked, so
 * every service refuses them within seconds instead of at their expiry.
 */
@Component
class CohortMembershipSync {

  private static final Logger log = LoggerFactory.getLogger(CohortMembershipSync.class);

  private final Accounts accounts;
  private final EventRecords<CohortEvent> records;
  private final Revocations revocations;

  CohortMembershipSync(Accounts accounts, ObjectMapper json, Revocations revocations) {
    this.accounts = accounts;
    this.revocations = revocations;
    this.records = EventRecords.of(CohortEvent.class, json, CohortEvent::cohortId);
  }

  @KafkaListener(topics = EventTopics.COHORT_EVENTS)
  void on(ConsumerRecord<String, byte[]> record) {
    apply(records.read(record).event());
  }

  void apply(CohortEvent event) {
    switch (event) {
      case CohortCreated created -> accounts.upsertCohort(created.cohortId(), created.name());
      case CoachAssigned assigned -> {
        if (assigned.previousCoachId() != null
            && !assigned.previousCoachId().equals(assigned.coachId())) {
          removeMember(assigned.cohortId(), assigned.previousCoachId());
        }
        addMember(assigned.cohortId(), assigned.coachId(), "coach");
      }
      case CandidateEnrolled enrolled ->
          addMember(enrolled.cohortId(), enrolled.candidateId(), "candidate");
      case CandidateRemoved removed -> removeMember(removed.cohortId(), removed.candidateId());
      case CandidateInvited ignored -> {}
    }
  }

  private void removeMember(String cohortId, String userId) {
    if (accounts.removeMember(cohortId, userId)) {
      revocations.leftCohort(userId, cohortId);
    }
  }

  private void addMember(String cohortId, String userId, String relation) {
    if (!accounts.exists(userId)) {
      log.warn(
          "cohort {} names {} ({}), who has no account here; left out of tokens",
          cohortId,
          userId,
          relation);
      return;
    }
    accounts.ensureCohort(cohortId);
    accounts.addMember(cohortId, userId, relation);
  }
}
