package org.storybank.query.analytics;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.query.access.CandidateAccess;
import org.storybank.security.Caller;

/** A coach's view of their own cohorts; any other caller or cohort answers 404. */
@RestController
@RequestMapping("/api/analytics/cohorts/{cohortId}")
class AnalyticsController {

  private final PitfallTrends pitfallTrends;
  private final CohortOverviews overviews;
  private final ReviewQueue reviewQueue;

  AnalyticsController(
      PitfallTrends pitfallTrends, CohortOverviews overviews, ReviewQueue reviewQueue) {
    this.pitfallTrends = pitfallTrends;
    this.overviews = overviews;
    this.reviewQueue = reviewQueue;
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
    return reviewQueue.of(cohortId, caller.userId());
  }
}
