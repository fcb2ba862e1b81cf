package org.storybank.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: by the declared length
 * at once, and a body of unknown length (chunked) by reading at most one byte past the limit. A few
 * paths (a bank import) are allowed a larger body of their own.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long defaultMaxBytes;
  private final Map<String, Long> maxBytesByPath;

  public RequestSizeLimit(DataSize max) {
    this(max, Map.of());
  }

  /** {@code byPath}: exact request paths (without the context path) and their own limit. */
  public RequestSizeLimit(DataSize max, Map<String, DataSize> byPath) {
    this.defaultMaxBytes = max.toBytes();
    this.maxBytesByPath =
        byPath.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().toBytes()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long maxBytes =
        maxBytesByPath.getOrDefault(
            request.getRequestURI().substring(request.getContextPath().length()), defaultMaxBytes);
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(response, maxBytes);
      return;
    }
    if (declared >= 0 || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body =
        request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE));
    if (body.length > maxBytes) {
      refuse(response, maxBytes);
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
    response.setHeader("Connection", "close");
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBytes + " bytes");
    problem.setTitle("Payload Too Large");
    ProblemResponses.write(response, problem);
  }
}
