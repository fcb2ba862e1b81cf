package org.storybank.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.storybank.security.Caller;
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
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(new ReadAgain(request, body), response);
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

  /** The request with its body, already read once here, to be read again by the route. */
  private static final class ReadAgain extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
