package org.storybank.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.storybank.command.story.StoryRuleViolation;

/** Turns broken rules into 400s that name the field and the rule; nothing was written. */
@RestControllerAdvice
class CommandErrorAdvice {

  @ExceptionHandler(StoryRuleViolation.class)
  ProblemDetail ruleViolation(StoryRuleViolation violation) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violation.getMessage());
    problem.setProperty("field", violation.field());
    problem.setProperty("rule", violation.rule());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST, "request body is not the JSON this endpoint expects");
  }

  @ExceptionHandler(StoryCommandController.ForbiddenException.class)
  ProblemDetail forbidden(StoryCommandController.ForbiddenException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
  }
}
