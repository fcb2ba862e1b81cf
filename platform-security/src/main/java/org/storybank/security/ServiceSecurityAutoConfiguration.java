package org.storybank.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.storybank.security.revocation.RevocationCheck;
import org.storybank.security.revocation.RevocationList;

/**
 * Every back-end service validates the caller's token itself (signature, expiry, issuer and
 * audience come from {@code spring.security.oauth2.resourceserver.jwt.*}); the gateway is not the
 * only guard. The API is stateless and takes bearer tokens only, so there is no session and no
 * cookie to protect with CSRF tokens. A token the gateway has revoked since it was issued is
 * refused within seconds ({@link RevocationCheck}). Every response carries strict security headers;
 * browsers may call only from the origins configured; bodies above the size limit answer 413.
 */
@AutoConfiguration(
    before = {OAuth2ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class})
public class ServiceSecurityAutoConfiguration {

  /** The bank import, the one request allowed a body larger than a story's. */
  static final String IMPORT_PATH = "/api/stories/import";

  /** The same import, run in the background with its progress to follow. */
  static final String IMPORTS_PATH = "/api/stories/imports";

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<RevocationList> revocations)
      throws Exception {
    revocations.ifAvailable(list -> RevocationCheck.installIn(http, list));
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/error",
                        "/actuator/health/**",
                        "/actuator/health",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(ProblemRefusals.authenticationEntryPoint())
                    .accessDeniedHandler(ProblemRefusals.accessDeniedHandler()))
        .exceptionHandling(ProblemRefusals.exceptionHandling())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(SecurityHeaders.strict())
        .cors(Customizer.withDefaults())
        .build();
  }

  /**
   * {@code STORYBANK_JWKS_REFETCH_INTERVAL}: a token with an unknown key id fetches the JWK set
   * again at most twice per interval.
   */
  @Bean
  @ConditionalOnMissingBean(JwtDecoder.class)
  @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
  JwtDecoder rateLimitedJwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences,
      @Value("${storybank.security.jwks-refetch-interval:${STORYBANK_JWKS_REFETCH_INTERVAL:10s}}")
          Duration minRefetchInterval) {
    return RateLimitedJwks.decoder(jwkSetUri, issuer, audiences, minRefetchInterval);
  }

  /** {@code STORYBANK_CORS_ORIGINS}: the browser origins allowed to call; none by default. */
  @Bean
  @ConditionalOnMissingBean(name = "corsConfigurationSource")
  CorsConfigurationSource corsConfigurationSource(
      @Value("${storybank.http.cors-origins:${STORYBANK_CORS_ORIGINS:}}") String origins) {
    return CrossOrigin.allowing(origins);
  }

  /**
   * {@code STORYBANK_MAX_BODY_SIZE}: request bodies above it answer 413. The default holds the
   * largest valid story (4 STAR fields of 8,000 characters, 30 prompts of 500) even in 3-byte
   * UTF-8. {@code STORYBANK_IMPORT_MAX_BODY_SIZE}: a bank import's own limit (5 MB by default, the
   * import's documented maximum).
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimitFilter(
      @Value("${storybank.http.max-body-size:${STORYBANK_MAX_BODY_SIZE:256KB}}") DataSize max,
      @Value("${storybank.http.import-max-body-size:${STORYBANK_IMPORT_MAX_BODY_SIZE:5MB}}")
          DataSize importMax) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimit(max, Map.of(IMPORT_PATH, importMax, IMPORTS_PATH, importMax)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Before Spring Security, so that refused calls carry the request id too. */
  @Bean
  FilterRegistrationBean<RequestId> requestIdFilter() {
    FilterRegistrationBean<RequestId> registration = new FilterRegistrationBean<>(new RequestId());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  WebMvcConfigurer callerArgumentResolverConfigurer() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }

  @Bean
  InvalidCallerAdvice invalidCallerAdvice() {
    return new InvalidCallerAdvice();
  }

  @RestControllerAdvice
  static class InvalidCallerAdvice {

    @ExceptionHandler(InvalidCallerException.class)
    ProblemDetail invalidCaller(InvalidCallerException exception) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
    }
  }
}
