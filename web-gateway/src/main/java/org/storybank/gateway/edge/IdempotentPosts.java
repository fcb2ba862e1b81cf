package org.storybank.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.storybank.gateway.edge.IdempotencyKeys.Answer;
import org.storybank.gateway.edge.IdempotencyKeys.Entry;
import org.storybank.security.BufferedRequest;
import org.storybank.security.ProblemResponses;

/**
 * A creating request (POST) that carries an {@code Idempotency-Key} is forwarded once per caller
 * and key: a retry with the same key and the same request gets the first answer again (marked
 * {@code Idempotent-Replayed: true}) instead of creating a second story; the same key with another
 * request is refused (422), and one still running answers 409 with {@code Retry-After}. An answer
 * that says nothing was done for good (5xx, 429, 408, or none at all) is not kept, so a retry runs
 * again.
 */
final class IdempotentPosts extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private final IdempotencyKeys keys;

  IdempotentPosts(IdempotencyKeys keys) {
    this.keys = keys;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null
        || !caller.isAuthenticated()
        || caller instanceof AnonymousAuthenticationToken) {
      // signing in and registering create nothing a retry could double; the key is not needed
      chain.doFilter(request, response);
      return;
    }
    String key = request.getHeader(HEADER);
    if (!KEY.matcher(key).matches()) {
      problem(response, 400, "Idempotency-Key must be 1 to 200 letters, digits or . _ : -");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    BufferedRequest buffered = new BufferedRequest(request, body);
    String fingerprint =
        fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
    String callerId = caller.getName();
    if (keys.claim(callerId, key, fingerprint)) {
      forward(callerId, key, buffered, response, chain);
      return;
    }
    Optional<Entry> known = keys.find(callerId, key);
    if (known.isEmpty()) {
      // released or expired between the claim and the read: one more claim settles it
      if (keys.claim(callerId, key, fingerprint)) {
        forward(callerId, key, buffered, response, chain);
      } else {
        busy(response);
      }
      return;
    }
    Entry entry = known.get();
    if (!entry.fingerprint().equals(fingerprint)) {
      problem(response, 422, "this Idempotency-Key was used for another request; use a new key");
    } else if (!entry.pending()) {
      replay(entry.answer(), response);
    } else if (keys.abandoned(entry) && keys.takeOver(callerId, key, entry.createdAt())) {
      forward(callerId, key, buffered, response, chain);
    } else {
      busy(response);
    }
  }

  private void forward(
      String callerId,
      String key,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    boolean kept = false;
    try {
      chain.doFilter(request, answer);
      if (isFinal(answer.getStatus())) {
        keys.answered(
            callerId,
            key,
            new Answer(
                answer.getStatus(),
                answer.getContentType(),
                answer.getHeader(HttpHeaders.LOCATION),
                answer.getContentAsByteArray()));
        kept = true;
      }
    } finally {
      if (!kept) {
        keys.release(callerId, key);
      }
      answer.copyBodyToResponse();
    }
  }

  /** An answer a retry should get again: not a failure on the way, not "come back later". */
  private static boolean isFinal(int status) {
    return status < 500 && status != 429 && status != 408;
  }

  private static void replay(Answer answer, HttpServletResponse response) throws IOException {
    response.setStatus(answer.status());
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    if (answer.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, answer.location());
    }
    response.setHeader(REPLAYED, "true");
    byte[] body = answer.body() == null ? new byte[0] : answer.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void busy(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, "1");
    problem(
        response, 409, "a request with this Idempotency-Key is still running; try again shortly");
  }

  private static void problem(HttpServletResponse response, int status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setProperty("field", HEADER);
    ProblemResponses.write(response, problem);
  }

  /** The request as the service would see it: method, path, query and body. */
  static String fingerprint(String method, String path, String query, byte[] body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update((method + " " + path + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
      sha256.update(body);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
