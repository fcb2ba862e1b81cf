package org.storybank.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.ScratchDatabase;

/** The whole gateway on a scratch database with the demo organisation, called over HTTP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.demo.enabled=true",
      "spring.kafka.listener.auto-startup=false",
      "storybank.login.failures-per-address=1000"
    })
abstract class GatewayOverHttp {

  static final String PASSWORD = "demo-password";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
  }

  @Autowired TestRestTemplate http;

  ResponseEntity<JsonNode> login(String email, String password) {
    return http.postForEntity(
        "/api/auth/login", Map.of("email", email, "password", password), JsonNode.class);
  }

  ResponseEntity<JsonNode> refresh(String token) {
    return http.postForEntity("/api/auth/refresh", Map.of("refreshToken", token), JsonNode.class);
  }

  ResponseEntity<JsonNode> me(String accessToken) {
    return http.exchange(
        "/api/me", HttpMethod.GET, new HttpEntity<>(bearer(accessToken)), JsonNode.class);
  }

  static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return headers;
  }
}
