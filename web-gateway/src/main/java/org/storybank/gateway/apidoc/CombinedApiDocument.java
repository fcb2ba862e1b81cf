package org.storybank.gateway.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One OpenAPI document for the whole API: the gateway's own endpoints and each service's, read from
 * their {@code /v3/api-docs} when asked. A service that does not answer is named in {@code
 * x-unavailable-services}; the rest is still served.
 */
@RestController
class CombinedApiDocument {

  static final String PATH = "/api/openapi.json";
  private static final Logger log = LoggerFactory.getLogger(CombinedApiDocument.class);

  private final RestClient http;
  private final Environment environment;
  private final Map<String, String> services;

  CombinedApiDocument(
      RestClient.Builder builder,
      Environment environment,
      @Value("${storybank.services.command-url}") String commandUrl,
      @Value("${storybank.services.query-url}") String queryUrl,
      @Value("${storybank.services.evaluation-url}") String evaluationUrl) {
    SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(Duration.ofSeconds(2));
    timeouts.setReadTimeout(Duration.ofSeconds(5));
    this.http = builder.requestFactory(timeouts).build();
    this.environment = environment;
    this.services = new LinkedHashMap<>();
    services.put("story-command", commandUrl);
    services.put("story-query", queryUrl);
    services.put("evaluation", evaluationUrl);
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode document() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    List<String> unavailable = new ArrayList<>();
    String self = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    read("web-gateway", self, documents, unavailable);
    services.forEach((service, url) -> read(service, url, documents, unavailable));
    return ApiDocuments.merge(documents, unavailable);
  }

  private void read(
      String service, String url, Map<String, JsonNode> documents, List<String> unavailable) {
    try {
      documents.put(service, http.get().uri(url + "/v3/api-docs").retrieve().body(JsonNode.class));
    } catch (RestClientException unreachable) {
      log.warn("no API document from {} at {}: {}", service, url, unreachable.toString());
      unavailable.add(service);
    }
  }
}
