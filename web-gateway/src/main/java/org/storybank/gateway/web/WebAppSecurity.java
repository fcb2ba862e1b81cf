package org.storybank.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The web app's static files (pages, their scripts and styles, WebJars): public, because they hold
 * no data; every read and write the pages make goes to the API with the signed-in user's bearer
 * token (kept in sessionStorage, never a cookie), so the API's 401/403/404 rules are the app's
 * rules. Only GET and HEAD. The pages get the tightest Content-Security-Policy that works: scripts,
 * styles and fetches from this origin only, no inline script or style, no framing.
 */
@Configuration
class WebAppSecurity {

  static final String[] PAGES = {
    "/", "/index.html", "/*.html", "/app/**", "/webjars/**", "/favicon.ico"
  };

  static final String PAGE_CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain webAppFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(PAGES)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, PAGES)
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, PAGES)
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(
            headers ->
                headers
                    .contentTypeOptions(Customizer.withDefaults())
                    .frameOptions(frame -> frame.deny())
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(PAGE_CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .build();
  }
}
