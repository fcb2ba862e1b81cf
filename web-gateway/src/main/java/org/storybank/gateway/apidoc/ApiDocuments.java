package org.storybank.gateway.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the services' OpenAPI documents together into one: every {@code /api} path (and the JWK set)
 * with its operations, every schema, the bearer-token scheme. A schema name two services use for
 * different shapes keeps the first service's shape; that is logged.
 */
final class ApiDocuments {

  private static final Logger log = LoggerFactory.getLogger(ApiDocuments.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiDocuments() {}

  /** {@code documents} by service name, in the order they take precedence. */
  static ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable) {
    ObjectNode merged = NODES.objectNode();
    merged.put("openapi", "3.0.1");
    merged
        .putObject("info")
        .put("title", "Story Bank API")
        .put("version", "1")
        .put(
            "description",
            "Every endpoint of every service, as reached through the gateway. Bearer tokens from"
                + " POST /api/auth/login.");
    merged.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    components
        .putObject("securitySchemes")
        .putObject("bearer-jwt")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT");
    merged.putArray("security").addObject().putArray("bearer-jwt");

    documents.forEach(
        (service, document) -> {
          for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields();
              it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/oauth2/")) {
              continue;
            }
            ObjectNode target =
                paths.has(path.getKey())
                    ? (ObjectNode) paths.get(path.getKey())
                    : paths.putObject(path.getKey());
            path.getValue()
                .fields()
                .forEachRemaining(
                    operation -> {
                      if (!target.has(operation.getKey())) {
                        JsonNode copy = operation.getValue().deepCopy();
                        if (copy instanceof ObjectNode object) {
                          object.put("x-service", service);
                        }
                        target.set(operation.getKey(), copy);
                      }
                    });
          }
          document
              .path("components")
              .path("schemas")
              .fields()
              .forEachRemaining(
                  schema -> {
                    JsonNode existing = schemas.get(schema.getKey());
                    if (existing == null) {
                      schemas.set(schema.getKey(), schema.getValue());
                    } else if (!existing.equals(schema.getValue())) {
                      log.warn(
                          "schema {} of {} differs from one already merged; the first is kept",
                          schema.getKey(),
                          service);
                    }
                  });
        });
    if (!unavailable.isEmpty()) {
      ArrayNode missing = merged.putArray("x-unavailable-services");
      unavailable.forEach(missing::add);
    }
    return merged;
  }
}
