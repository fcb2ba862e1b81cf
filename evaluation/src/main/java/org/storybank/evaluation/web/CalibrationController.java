package org.storybank.evaluation.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.storybank.evaluation.service.Calibration;
import org.storybank.evaluation.service.SelfCalibration;
import org.storybank.security.Caller;

/**
 * How far the automatic evaluator agrees with coaches, criterion by criterion, over the revisions
 * both judged. A coach sees their cohorts, a candidate their own stories, the admin the whole
 * organisation (figures only, no story text). {@code self} sets the candidates' drill self-ratings
 * beside both, per criterion and per principle.
 */
@RestController
class CalibrationController {

  private final Calibration calibration;

  CalibrationController(Calibration calibration) {
    this.calibration = calibration;
  }

  @GetMapping("/api/evaluations/calibration")
  Map<String, Object> calibration(Caller caller, @RequestParam(required = false) String cohortId) {
    return switch (caller.role()) {
      case ADMIN -> {
        List<String> cohorts = cohortId == null ? null : List.of(cohortId);
        yield answer(calibration.forCohorts(cohorts), calibration.selfForCohorts(cohorts));
      }
      case COACH -> {
        if (cohortId != null && !caller.belongsTo(cohortId)) {
          throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such cohort");
        }
        List<String> cohorts = cohortId == null ? caller.cohortIds() : List.of(cohortId);
        yield answer(calibration.forCohorts(cohorts), calibration.selfForCohorts(cohorts));
      }
      case CANDIDATE ->
          answer(
              calibration.forAuthor(caller.userId()), calibration.selfForAuthor(caller.userId()));
    };
  }

  private static Map<String, Object> answer(List<?> criteria, SelfCalibration self) {
    return Map.of("criteria", criteria, "self", self);
  }
}
