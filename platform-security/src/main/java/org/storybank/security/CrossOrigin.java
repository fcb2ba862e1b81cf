package org.storybank.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which web origins may call the API from a browser: none unless listed (comma-separated, exact
 * origins like {@code https://app.example.org}). Bearer tokens only, so no credentials mode.
 */
final class CrossOrigin {

  private CrossOrigin() {}

  static UrlBasedCorsConfigurationSource allowing(String commaSeparatedOrigins) {
    List<String> origins =
        Arrays.stream(
                commaSeparatedOrigins == null ? new String[0] : commaSeparatedOrigins.split(","))
            .map(String::strip)
            .filter(origin -> !origin.isEmpty())
            .toList();
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOrigins(origins);
    configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
    configuration.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key", RequestId.HEADER));
    configuration.setExposedHeaders(
        List.of("ETag", "Location", "Retry-After", "Idempotent-Replayed", RequestId.HEADER));
    configuration.setAllowCredentials(false);
    configuration.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", configuration);
    return source;
  }
}
