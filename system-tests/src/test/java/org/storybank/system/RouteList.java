package org.storybank.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint a running service maps, read from its own OpenAPI document ({@code /v3/api-docs},
 * generated from Spring's request mappings), so that a new endpoint shows up here by itself.
 */
final class RouteList {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  private RouteList() {}

  /** One operation; {@code ids} are the path parameters and the query parameters named …Id(s). */
  record Endpoint(String service, String method, String template, List<String> ids) {

    String key() {
      return method + " " + template;
    }

    boolean takesAnId() {
      return !ids.isEmpty();
    }
  }

  static List<Endpoint> of(String service, Api api) throws Exception {
    Api.Response document = api.get("/v3/api-docs", null);
    if (document.status() != 200) {
      throw new IllegalStateException(
          service + " answered " + document.status() + " for its API document");
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.body().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
          operations.hasNext(); ) {
        Map.Entry<String, JsonNode> operation = operations.next();
        if (!METHODS.contains(operation.getKey())) {
          continue;
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path.getKey());
        while (matcher.find()) {
          ids.add(matcher.group(1));
        }
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          String name = parameter.path("name").asText();
          if ("query".equals(parameter.path("in").asText())
              && (name.endsWith("Id") || name.endsWith("Ids"))) {
            ids.add(name);
          }
        }
        endpoints.add(
            new Endpoint(
                service, operation.getKey().toUpperCase(), path.getKey(), List.copyOf(ids)));
      }
    }
    return endpoints;
  }
}
