package org.storybank.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.storybank.security.ProblemRefusals;
import org.storybank.security.SecurityHeaders;
import org.storybank.security.revocation.RevocationCheck;
import org.storybank.security.revocation.RevocationList;

/**
 * The gateway turns away calls without a valid token before routing them; the services check again.
 * A token revoked since it was issued is refused here as in every service. Bearer tokens only, no
 * cookies: nothing for CSRF to ride on. The same security headers, CORS policy and body size limit
 * as every service (platform-security).
 */
@Configuration
class GatewaySecurity {

  @Bean
  SecurityFilterChain gatewayFilterChain(HttpSecurity http, RevocationList revocations)
      throws Exception {
    return RevocationCheck.installIn(http, revocations)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/api/auth/login",
                        "/api/auth/register",
                        "/api/auth/refresh",
                        "/api/auth/logout",
                        "/api/auth/password-reset",
                        "/error",
                        "/oauth2/jwks",
                        "/api/openapi.json",
                        "/v3/api-docs",
                        "/actuator/health",
                        "/actuator/health/**")
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
}
