package org.storybank.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.storybank.command.RuleViolation;
import org.storybank.command.story.StoryActionForbidden;
import org.storybank.command.story.StoryNotFound;
import org.storybank.command.story.StoryStateConflict;

/** Maps what the aggregate refused to HTTP answers; in every case nothing was written. */
@RestControllerAdvice
class CommandErrorAdvice {

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail ruleViolation(RuleViolation violation) {
    return problem(
        HttpStatus.BAD_REQUEST,
        violation.getMessage(),
        Map.of("field", violation.field(), "rule", violation.rule()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException exception) {
    if (exception.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      String field = fieldPath(mapping);
      return problem(
          HttpStatus.BAD_REQUEST,
          field + ": has the wrong type",
          Map.of("field", field, "rule", "has the wrong type"));
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "the request body is not valid JSON",
        Map.of("field", "body", "rule", "must be a JSON object"));
  }

  private static String fieldPath(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ProblemDetail badParameter(Exception exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
  }

  @ExceptionHandler({StoryNotFound.class, AggregateNotFoundException.class})
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
