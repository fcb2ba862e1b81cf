package org.storybank.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's refusals with a problem+json body: 401 keeps its {@code WWW-Authenticate}
 * header (RFC 6750) and says a valid token is needed; 403 says the caller may not.
 */
public final class ProblemRefusals {

  private ProblemRefusals() {}

  public static AuthenticationEntryPoint authenticationEntryPoint() {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, exception) -> {
      bearer.commence(request, response, exception);
      write(response, HttpStatus.UNAUTHORIZED, "a valid bearer token is needed");
    };
  }

  public static AccessDeniedHandler accessDeniedHandler() {
    BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    return (request, response, exception) -> {
      bearer.handle(request, response, exception);
      write(response, HttpStatus.FORBIDDEN, "not allowed for this caller");
    };
  }

  /** For {@code http.exceptionHandling(...)}: both refusals as problem+json. */
  public static Customizer<ExceptionHandlingConfigurer<HttpSecurity>> exceptionHandling() {
    return handling ->
        handling
            .authenticationEntryPoint(authenticationEntryPoint())
            .accessDeniedHandler(accessDeniedHandler());
  }

  private static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemResponses.write(response, ProblemDetail.forStatusAndDetail(status, detail));
  }
}
