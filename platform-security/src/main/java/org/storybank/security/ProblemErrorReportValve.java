package org.storybank.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * What Tomcat answers itself, before any application code runs (an address it cannot decode, an
 * encoded slash or NUL, an error no error page took), as problem+json instead of its HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON =
      new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    problem.setDetail(
        status >= 500
            ? "the request could not be completed"
            : "the request could not be read: its address, parameters or headers are malformed");
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(JSON.writeValueAsString(problem));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the answer already started: nothing more to say
    }
  }
}
