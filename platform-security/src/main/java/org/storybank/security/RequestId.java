package org.storybank.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that follows it through the gateway into each service: a well-formed
 * incoming {@value #HEADER} is kept, anything else is replaced by a new one. The id is in the MDC
 * (so in every log line of the request), in the request's headers (so the gateway forwards it) and
 * in the response. One log line per request names method, path, status and time.
 */
public class RequestId extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Logger log = LoggerFactory.getLogger(RequestId.class);

  static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String incoming = request.getHeader(HEADER);
    String id = isWellFormed(incoming) ? incoming : UUID.randomUUID().toString();
    MDC.put(MDC_KEY, id);
    response.setHeader(HEADER, id);
    long started = System.nanoTime();
    try {
      chain.doFilter(
          id.equals(incoming) ? request : new WithRequestId(request, id),
          new OneRequestIdAnswered(response));
    } finally {
      log.info(
          "{} {} {} {} ms",
          request.getMethod(),
          request.getRequestURI(),
          response.getStatus(),
          (System.nanoTime() - started) / 1_000_000);
      MDC.remove(MDC_KEY);
    }
  }

  /**
   * The gateway copies the headers of the service's answer, which echoes the same id: it is
   * answered once.
   */
  private static final class OneRequestIdAnswered extends HttpServletResponseWrapper {

    OneRequestIdAnswered(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (HEADER.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }

  /** The request as it came, but with our id in place of a missing or malformed one. */
  private static final class WithRequestId extends HttpServletRequestWrapper {

    private final String id;

    WithRequestId(HttpServletRequest request, String id) {
      super(request);
      this.id = id;
    }

    @Override
    public String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(id))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>();
      for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
        String name = e.nextElement();
        if (!HEADER.equalsIgnoreCase(name)) {
          names.add(name);
        }
      }
      names.add(HEADER);
      return Collections.enumeration(names);
    }
  }
}
