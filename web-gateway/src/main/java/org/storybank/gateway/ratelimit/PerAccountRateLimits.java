package org.storybank.gateway.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Kind;
import org.storybank.gateway.ratelimit.RateLimiter.Decision;
import org.storybank.security.ProblemResponses;

/**
 * An account past its limit of writes or searches is answered 429 with {@code Retry-After} before
 * anything is forwarded. Calls without a signed-in caller are not counted here: the ones that get
 * this far (signing in, registering) have the login throttle.
 */
final class PerAccountRateLimits extends OncePerRequestFilter {

  private final RateLimitPolicy policy;
  private final RateLimiter limiter;

  PerAccountRateLimits(RateLimitPolicy policy, RateLimiter limiter) {
    this.policy = policy;
    this.limiter = limiter;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Kind> kind = policy.kindOf(request.getMethod(), request.getRequestURI());
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (kind.isEmpty()
        || caller == null
        || !caller.isAuthenticated()
        || caller instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    Decision decision = limiter.take(caller.getName(), kind.get());
    if (decision.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    refuse(response, kind.get(), decision.retryAfterSeconds());
  }

  private void refuse(HttpServletResponse response, Kind kind, long retryAfterSeconds)
      throws IOException {
    RateLimitPolicy.Limit limit = policy.limitOf(kind);
    String what = kind == Kind.WRITES ? "writes" : "searches";
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "this account has made too many "
                + what
                + " (at most "
                + limit.perMinute()
                + " a minute, "
                + limit.burst()
                + " at once); try again in "
                + retryAfterSeconds
                + " s");
    problem.setProperty("rule", what + "-per-minute");
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    ProblemResponses.write(response, problem);
  }
}
