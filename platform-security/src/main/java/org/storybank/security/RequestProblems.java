package org.storybank.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.Collection;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every request Spring MVC cannot take (unreadable or wrongly typed body, an unknown field, a
 * wrongly typed or missing parameter, a method or media type the endpoint does not take, a path
 * nothing answers) answers RFC 9457 problem+json that names the {@code field} or {@code parameter}
 * and its {@code rule} in JSON's words, never a Java type or exception message.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestProblems extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(unreadable(exception.getCause()));
  }

  /** What is wrong with a JSON body, from what Jackson refused. */
  static ProblemDetail unreadable(Throwable cause) {
    if (cause instanceof PropertyBindingException unknown) {
      String field = unknown.getPath().isEmpty() ? unknown.getPropertyName() : fieldPath(unknown);
      return problem("field", field, "is not a known field");
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return problem("field", fieldPath(mismatch), "must be " + jsonKind(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return problem("field", fieldPath(mapping), "has a value that cannot be read");
    }
    if (cause instanceof JsonProcessingException || cause == null) {
      return problem("field", "body", "must be a JSON object (the body is missing or not JSON)");
    }
    return problem("field", "body", "must be a JSON object");
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name =
        exception instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : exception.getPropertyName();
    return ResponseEntity.badRequest()
        .body(problem("parameter", name, "must be " + jsonKind(exception.getRequiredType())));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(problem("parameter", exception.getParameterName(), "is required"));
  }

  /** A type as a JSON client knows it. */
  static String jsonKind(Class<?> type) {
    if (type == null) {
      return "a value of another kind";
    }
    if (type.isPrimitive() && type != boolean.class && type != char.class
        || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == char.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of the allowed values";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isRecord()
        || Map.class.isAssignableFrom(type)
        || !type.getName().startsWith("java.")) {
      return "an object";
    }
    return "a value of another kind";
  }

  static String fieldPath(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static ProblemDetail problem(String kind, String name, String rule) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + ": " + rule);
    problem.setProperty(kind, name);
    problem.setProperty("rule", rule);
    return problem;
  }
}
