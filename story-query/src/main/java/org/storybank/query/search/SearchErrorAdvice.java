package org.storybank.query.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class SearchErrorAdvice {

  @ExceptionHandler(StoryQueryParser.InvalidQuery.class)
  ProblemDetail badParameter(StoryQueryParser.InvalidQuery exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
    problem.setProperty("parameter", exception.parameter);
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badQuery(IllegalArgumentException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
  }
}
