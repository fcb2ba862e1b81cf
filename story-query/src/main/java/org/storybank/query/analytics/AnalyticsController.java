package org.storybank.query.analytics;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.query.access.CandidateAccess;
import org.storybank.security.Caller;
import org.storybank.security.audit.AuditEntry;
import org.storybank.security.audit.AuditTrail;

/** A coach's view of their own cohorts; any other caller or cohort answers 404. */
@RestController
@RequestMapping("/api/analytics/cohorts/{cohortId}")
class AnalyticsController {

  private final PitfallTrends pitfallTrends;
  private final CohortOverviews overviews;
  private final ReviewQueue reviewQueue;
  private final AuditTrail audit;

  AnalyticsController(
      PitfallTrends pitfallTrends,
      CohortOverviews overviews,
      ReviewQueue reviewQueue,
      AuditTrail audit) {
    this.pitfallTrends = pitfallTrends;
    this.overviews = overviews;
    this.reviewQueue = reviewQueue;
    this.audit = audit;
  }

  @GetMapping("/pitfalls")
  List<PitfallTrend> pitfalls(Caller caller, @PathVariable String cohortId) {
    CandidateAccess.checkCoachOf(caller, cohortId);
    return pitfallTrends.of(cohortId);
  }

  @GetMapping("/overview")
  CohortOverview overview(Caller caller, @PathVariable String cohortId) {
    CandidateAccess.checkCoachOf(caller, cohortId);
    return overviews.of(cohortId);
  }

  /** Stories of the cohort changed since the calling coach last evaluated them, newest first. */
  @GetMapping("/review-queue")
  List<ReviewQueue.Item> reviewQueue(Caller caller, @PathVariable String cohortId) {
    CandidateAccess.checkCoachOf(caller, cohortId);
    List<ReviewQueue.Item> queue = reviewQueue.of(cohortId, caller.userId());
    // each candidate can see which of their stories the coach's queue showed
    audit.recordAll(
        caller,
        queue.stream()
            .map(
                item ->
                    new AuditEntry(
                        "review queue entry", item.storyId(), cohortId, item.candidateId()))
            .toList());
    return queue;
  }
}
