package org.storybank.command.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;
import org.storybank.command.drill.CoverageSnapshot.PrincipleState;
import org.storybank.command.drill.CoverageSnapshot.PromptState;

/**
 * Reads a candidate's coverage from story-query ({@code GET /api/candidates/{id}/coverage}) with
 * the caller's own token, so story-query checks the access itself; gaps are never worked out twice.
 */
@Component
class CoverageClient {

  private final RestClient http;

  CoverageClient(
      RestClient.Builder builder, @Value("${storybank.services.query-url}") String queryUrl) {
    this.http = builder.baseUrl(queryUrl).build();
  }

  CoverageSnapshot coverageOf(String candidateId, String authorization) {
    JsonNode coverage =
        http.get()
            .uri(
                "/api/candidates/"
                    + UriUtils.encodePathSegment(
                        candidateId, java.nio.charset.StandardCharsets.UTF_8)
                    + "/coverage")
            .header(HttpHeaders.AUTHORIZATION, authorization)
            .retrieve()
            .body(JsonNode.class);
    return parse(coverage);
  }

  static CoverageSnapshot parse(JsonNode coverage) {
    List<PrincipleState> principles = new ArrayList<>();
    for (JsonNode principle : coverage.path("principles")) {
      List<PromptState> prompts = new ArrayList<>();
      for (JsonNode prompt : principle.path("prompts")) {
        prompts.add(
            new PromptState(prompt.path("prompt").asText(), prompt.path("covered").asBoolean()));
      }
      JsonNode score = principle.path("bestStory").path("score");
      principles.add(
          new PrincipleState(
              principle.path("principle").asText(),
              principle.path("name").asText(principle.path("principle").asText()),
              principle.path("strength").asText(),
              score.isNumber() ? score.asInt() : null,
              prompts));
    }
    Map<String, String> gaps = new LinkedHashMap<>();
    for (JsonNode gap : coverage.path("gaps")) {
      gaps.putIfAbsent(gap.path("principle").asText(), gap.path("reason").asText());
    }
    return new CoverageSnapshot(principles, gaps);
  }
}
