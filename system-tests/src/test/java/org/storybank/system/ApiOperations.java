package org.storybank.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the gateway's combined OpenAPI document ({@code /api/openapi.json}): method,
 * path template, the service that answers it ({@code x-service}), its parameters and the schema of
 * its body, with every {@code $ref} resolved against the document's components.
 */
final class ApiOperations {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  record Operation(
      String service,
      String method,
      String template,
      List<Parameter> parameters,
      JsonNode bodySchema,
      boolean bodyRequired) {

    String key() {
      return method + " " + template;
    }

    List<Parameter> in(String where) {
      return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
    }
  }

  private final JsonNode document;

  ApiOperations(JsonNode document) {
    this.document = document;
  }

  List<Operation> all() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (!METHODS.contains(method.getKey())) {
          continue;
        }
        JsonNode operation = method.getValue();
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
          JsonNode resolved = resolve(parameter);
          parameters.add(
              new Parameter(
                  resolved.path("name").asText(),
                  resolved.path("in").asText(),
                  resolved.path("required").asBoolean(false),
                  resolve(resolved.path("schema"))));
        }
        JsonNode body = operation.path("requestBody");
        JsonNode bodySchema = null;
        if (!body.isMissingNode()) {
          JsonNode content = resolve(body).path("content");
          JsonNode json = content.path("application/json");
          JsonNode any = json.isMissingNode() ? content.elements().next() : json;
          bodySchema = resolve(any.path("schema"));
        }
        operations.add(
            new Operation(
                operation.path("x-service").asText("web-gateway"),
                method.getKey().toUpperCase(),
                path.getKey(),
                List.copyOf(parameters),
                bodySchema,
                body.path("required").asBoolean(false)));
      }
    }
    return operations;
  }

  /** The node itself, or what its {@code $ref} points at (one level; call again for children). */
  JsonNode resolve(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode seen = node;
    for (int hops = 0; hops < 10 && seen.has("$ref"); hops++) {
      String ref = seen.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return JsonNodeFactory.instance.objectNode();
      }
      seen = document.at(ref.substring(1));
    }
    return seen;
  }
}
