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

  private final CohortAnalytics analytics;

  AnalyticsController(CohortAnalytics analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/pitfalls")
  List<PitfallTrend> pitfalls(Caller caller, @PathVariable String cohortId) {
    CandidateAccess.checkCoachOf(caller, cohortId);
    return analytics.pitfalls(cohortId);
  }

  @GetMapping("/overview")
  CohortOverview overview(Caller caller, @PathVariable String cohortId) {
    CandidateAccess.checkCoachOf(caller, cohortId);
    return analytics.overview(cohortId);
  }
}
