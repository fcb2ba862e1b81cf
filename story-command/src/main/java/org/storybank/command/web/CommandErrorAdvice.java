package org.storybank.command.web;

import java.util.Map;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.storybank.command.RuleViolation;
import org.storybank.command.story.StoryActionForbidden;
import org.storybank.command.story.StoryNotFound;
import org.storybank.command.story.StoryStateConflict;

/**
 * Maps what the aggregate refused to HTTP answers; in every case nothing was written. Unreadable
 * bodies and bad parameters are answered for every service by platform-security's RequestProblems.
 */
@RestControllerAdvice
class CommandErrorAdvice {

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail ruleViolation(RuleViolation violation) {
    return problem(
        HttpStatus.BAD_REQUEST,
        violation.getMessage(),
        Map.of("field", violation.field(), "rule", violation.rule()));
  }

  // IncompatibleAggregateException: the id is another aggregate's (a drill's, a loop's), whose
  // events cannot make a story; answered exactly as an id nobody has
  @ExceptionHandler({
    StoryNotFound.class,
    AggregateNotFoundException.class,
    IncompatibleAggregateException.class
  })
  ProblemDetail notFound(RuntimeException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such story");
  }

  @ExceptionHandler(StoryActionForbidden.class)
  ProblemDetail forbidden(StoryActionForbidden exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
  }

  @ExceptionHandler(StoryStateConflict.class)
  ProblemDetail stateConflict(StoryStateConflict exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
  }

  @ExceptionHandler(IfMatch.MissingVersionException.class)
  ProblemDetail missingVersion(IfMatch.MissingVersionException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.PRECONDITION_REQUIRED, exception.getMessage());
  }

  @ExceptionHandler(VersionConflict.class)
  ProblemDetail versionConflict(VersionConflict conflict) {
    return problem(
        HttpStatus.CONFLICT,
        conflict.getMessage(),
        Map.of("currentVersion", conflict.currentVersion()));
  }

  private static ProblemDetail problem(
      HttpStatus status, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    properties.forEach(problem::setProperty);
    return problem;
  }
}
