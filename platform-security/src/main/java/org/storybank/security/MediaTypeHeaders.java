package org.storybank.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Accept} and {@code Content-Type} are checked before anything runs. An {@code Accept} that
 * is no list of media types answers 406, and so does a write whose {@code Accept} takes no JSON:
 * every write answers JSON, and Spring would find that out only after the write was done (the
 * change made, then refused). A {@code Content-Type} that is no media type, or a wildcard, answers
 * 415 (a wildcard cannot be forwarded: the gateway failed on it with a 500).
 */
final class MediaTypeHeaders extends OncePerRequestFilter {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && !accept.isBlank()) {
      List<MediaType> acceptable;
      try {
        acceptable = MediaType.parseMediaTypes(accept);
      } catch (InvalidMediaTypeException e) {
        refuse(response, HttpStatus.NOT_ACCEPTABLE, "Accept is not a list of media types");
        return;
      }
      if (WRITES.contains(request.getMethod())
          && acceptable.stream()
              .noneMatch(
                  type ->
                      type.getQualityValue() > 0
                          && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                              || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)))) {
        refuse(
            response,
            HttpStatus.NOT_ACCEPTABLE,
            "this request answers application/json, which Accept does not take");
        return;
      }
    }
    String contentType = request.getContentType();
    if (contentType != null && !contentType.isBlank()) {
      try {
        MediaType type = MediaType.parseMediaType(contentType);
        if (type.isWildcardType() || type.isWildcardSubtype()) {
          refuse(
              response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must name one media type");
          return;
        }
      } catch (InvalidMediaTypeException e) {
        refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type is not a media type");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    ProblemResponses.write(response, problem);
  }
}
