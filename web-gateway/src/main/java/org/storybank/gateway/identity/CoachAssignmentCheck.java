package org.storybank.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.storybank.security.BufferedRequest;
import org.storybank.security.Caller;
import org.storybank.security.ProblemResponses;
import org.storybank.security.Role;

/**
 * A cohort's coach must be an account with the coach role. Accounts live in the gateway's identity
 * tables, so the gateway checks {@code coachId} on the two requests that carry one ({@code POST
 * /api/cohorts}, {@code PUT /api/cohorts/{id}/coach}) before routing them to story-command; a
 * candidate's id, an admin's or an id that is no account answers 400 naming {@code coachId}. Only
 * the admin's requests are checked: anyone else is refused by story-command anyway, and must not
 * learn from this check which ids are coaches.
 */
class CoachAssignmentCheck extends OncePerRequestFilter {

  private static final Pattern COHORT_COACH = Pattern.compile("/api/cohorts/[^/]+/coach");
  static final String RULE = "must be the id of an existing account with the coach role";

  private final Accounts accounts;
  private final ObjectMapper json;

  CoachAssignmentCheck(Accounts accounts, ObjectMapper json) {
    this.accounts = accounts;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean create = "POST".equals(request.getMethod()) && "/api/cohorts".equals(path);
    boolean assign = "PUT".equals(request.getMethod()) && COHORT_COACH.matcher(path).matches();
    return !(create || assign) || !callerIsAdmin();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    Optional<String> coachId = coachIdIn(body);
    if (coachId.isPresent() && !isCoach(coachId.get())) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "coachId: " + RULE);
      problem.setProperty("field", "coachId");
      problem.setProperty("rule", RULE);
      ProblemResponses.write(response, problem);
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  /**
   * The coach id when the body is a JSON object with a text {@code coachId}; else the service
   * judges it.
   */
  private Optional<String> coachIdIn(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      JsonNode coachId = node == null ? null : node.get("coachId");
      return coachId != null && coachId.isTextual()
          ? Optional.of(coachId.asText())
          : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private boolean isCoach(String userId) {
    return accounts.find(userId).filter(account -> account.role() == Role.COACH).isPresent();
  }

  private static boolean callerIsAdmin() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof JwtAuthenticationToken token
        && Caller.from(token.getToken()).is(Role.ADMIN);
  }
}
