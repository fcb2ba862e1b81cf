package org.storybank.security.revocation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.storybank.security.ProblemResponses;
import org.storybank.security.ServiceUnavailable;

/**
 * Refuses a valid token the gateway has since revoked (401, so that a client refreshes: a locked
 * account cannot, a replaced coach gets a token without the cohort), and answers 503 when the
 * revocations could not be read for too long to vouch for any token.
 */
public final class RevocationCheck extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RevocationCheck.class);

  private final RevocationList revocations;

  public RevocationCheck(RevocationList revocations) {
    this.revocations = revocations;
  }

  /** Right after the bearer token is validated, before anything is authorised or routed. */
  public static HttpSecurity installIn(HttpSecurity http, RevocationList revocations) {
    return http.addFilterAfter(
        new RevocationCheck(revocations), BearerTokenAuthenticationFilter.class);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
      chain.doFilter(request, response);
      return;
    }
    switch (revocations.check(token)) {
      case VALID -> chain.doFilter(request, response);
      case REVOKED -> {
        log.debug("refused a revoked token of {}", token.getSubject());
        SecurityContextHolder.clearContext();
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer error=\"invalid_token\", error_description=\"the token was revoked\"");
        ProblemResponses.write(
            response,
            ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                "the token was revoked (account locked, signed out or cohort changed):"
                    + " refresh it or sign in again"));
      }
      case UNVERIFIABLE -> {
        SecurityContextHolder.clearContext();
        ServiceUnavailable.write(
            response, "cannot check whether the token was revoked: try again shortly");
      }
    }
  }
}
