package org.storybank.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.storybank.system.ApiOperations.Operation;
import org.storybank.system.ApiOperations.Parameter;

/**
 * Requests for one operation of the API document, drawn from {@link Gen generators} on one seeded
 * {@link Random} (so that they run inside a Jupiter test on the shared stack, and a seed replays a
 * run): bodies of the operation's schema with wrong types, missing, null and unknown fields, huge
 * strings, control characters and deep nesting, or no JSON at all; path parameters that are the
 * fixtures' real ids or nonsense; declared and unknown query parameters; odd content types,
 * accepts, {@code If-Match}, idempotency keys and tokens.
 */
final class FuzzedRequests {

  /** One request: who sends it (a role of {@link #ROLES}), where, with what. */
  record Request(
      String role, String method, String path, Map<String, String> headers, String body) {

    String describe() {
      String shown = body == null ? "no body" : abbreviate(body, 160);
      return role + " " + method + " " + abbreviate(path, 160) + " " + headers + " " + shown;
    }
  }

  static final List<String> ROLES =
      List.of("candidate", "coach", "admin", "no token", "a garbage token");

  private static final Gen<String> QUERY_NAMES =
      Gen.of(
          "q",
          "principle",
          "level",
          "pitfall",
          "candidateId",
          "cohortId",
          "status",
          "size",
          "from",
          "sort",
          "format",
          "partial",
          "revision",
          "limit",
          "to",
          "debug",
          "x");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ApiOperations document;
  private final Function<String, List<String>> idsForSegment;
  private final List<String> knownIds;
  private final Random random;

  /**
   * @param idsForSegment real ids that fit a path parameter, by the path segment before it ({@code
   *     stories}, {@code cohorts}…); nonsense is mixed in here
   * @param knownIds every fixture id, for strings in bodies and queries
   */
  FuzzedRequests(
      ApiOperations document,
      Function<String, List<String>> idsForSegment,
      List<String> knownIds,
      long seed) {
    this.document = document;
    this.idsForSegment = idsForSegment;
    this.knownIds = List.copyOf(knownIds);
    this.random = new Random(seed);
  }

  Request next(Operation operation) {
    String role =
        draw(
            Gen.frequency(
                Gen.weight(4, Gen.of("candidate", "coach", "admin")),
                Gen.weight(1, Gen.of("no token", "a garbage token"))));
    String path = fillPath(operation.template());
    String query = query(operation);
    Map<String, String> headers = headers(operation);
    String body = body(operation);
    if (operation.template().equals("/api/auth/login")) {
      body = withoutCredentialPair(body);
    }
    return new Request(role, operation.method(), path + query, headers, body);
  }

  /** A sign-in with both fields counts against the login throttle of this address: never sent. */
  private static String withoutCredentialPair(String body) {
    JsonNode parsed = Api.json(body == null ? "" : body);
    if (parsed instanceof ObjectNode object
        && object.path("email").isTextual()
        && object.path("password").isTextual()) {
      object.remove("password");
      return object.toString();
    }
    return body;
  }

  // --- path and query ------------------------------------------------------------------------

  private String fillPath(String template) {
    StringBuilder path = new StringBuilder();
    String previous = "";
    for (String segment : template.substring(1).split("/")) {
      path.append('/');
      if (segment.startsWith("{") && segment.endsWith("}")) {
        path.append(pathValue(previous));
      } else {
        path.append(segment);
        previous = segment;
      }
    }
    return path.toString();
  }

  private String pathValue(String segmentBefore) {
    List<String> real = idsForSegment.apply(segmentBefore);
    Gen<String> nonsense =
        Gen.oneOf(
            Gen.of(
                "0",
                "-1",
                "00000000-0000-0000-0000-000000000000",
                "99999999999999999999999",
                "null",
                "undefined",
                "..",
                ".",
                "%2e%2e",
                "%252F",
                "x%00y",
                "x;y=z",
                "x'%20OR%20'1'='1",
                "a".repeat(5000)),
            strings().map(FuzzedRequests::encode));
    return real.isEmpty()
        ? draw(nonsense)
        : draw(Gen.frequency(Gen.weight(3, Gen.of(real)), Gen.weight(2, nonsense)));
  }

  private String query(Operation operation) {
    List<String> pairs = new ArrayList<>();
    for (Parameter parameter : operation.in("query")) {
      boolean include = parameter.required() ? draw(Gen.of(true, true, true, false)) : coin(2);
      if (include) {
        JsonNode value = draw(value(parameter.schema(), 1));
        String text = value.isTextual() ? value.asText() : value.toString();
        pairs.add(encode(parameter.name()) + "=" + encode(text));
      }
    }
    // parameters read from a map are documented as one object: the names the services read
    for (int i = draw(Gen.of(0, 0, 1, 2, 3)); i > 0; i--) {
      pairs.add(encode(draw(QUERY_NAMES)) + "=" + encode(draw(strings())));
    }
    if (coin(10)) {
      pairs.add(draw(Gen.of("a", "a=", "=b", "a=1&a=2", "%25", "size=1&size=-1")));
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  // --- headers -------------------------------------------------------------------------------

  private Map<String, String> headers(Operation operation) {
    Map<String, String> headers = new LinkedHashMap<>();
    boolean sendsBody = operation.bodySchema() != null;
    String contentType =
        draw(
            Gen.frequency(
                Gen.weight(sendsBody ? 12 : 2, Gen.just("application/json")),
                Gen.weight(
                    1,
                    Gen.of(
                        "text/plain",
                        "application/xml",
                        "text/csv",
                        "application/json; charset=ISO-8859-1",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "application/problem+json",
                        "*/*",
                        "nonsense",
                        ""))));
    if (!contentType.isEmpty()) {
      headers.put("Content-Type", contentType);
    }
    if (coin(4)) {
      headers.put(
          "Accept",
          draw(
              Gen.of(
                  "application/xml",
                  "text/html",
                  "text/csv",
                  "image/png",
                  "application/json;q=0",
                  "*/*",
                  "nonsense")));
    }
    if (coin(operation.method().equals("PUT") ? 1 : 4)) {
      headers.put(
          "If-Match",
          draw(
              Gen.oneOf(
                  Gen.of("0", "1", "\"0\"", "*", "-1", "W/\"1\"", "99999999999999999999"),
                  asciiHeader())));
    }
    if (coin(5)) {
      headers.put("Idempotency-Key", draw(asciiHeader()));
    }
    if (coin(8)) {
      headers.put("X-Request-Id", draw(asciiHeader()));
    }
    if (coin(10)) {
      headers.put("X-Forwarded-For", draw(Gen.of("10.0.0.1", "x", "::1, 1.2.3.4", "")));
    }
    return headers;
  }

  private static Gen<String> asciiHeader() {
    return Gen.oneOf(Gen.strings('!', '~', 1, 40), Gen.strings('!', '~', 3000, 3000));
  }

  // --- bodies --------------------------------------------------------------------------------

  private String body(Operation operation) {
    JsonNode schema = operation.bodySchema();
    if (schema == null) {
      return coin(6) ? draw(nonJson()) : null;
    }
    return draw(
        Gen.frequency(
            Gen.weight(12, value(schema, 4).map(JsonNode::toString)),
            Gen.weight(2, nonJson()),
            Gen.weight(1, Gen.just((String) null)),
            Gen.weight(1, deepNesting()),
            Gen.weight(1, hugeField(schema))));
  }

  private static Gen<String> nonJson() {
    return Gen.oneOf(
        Gen.of(
            "",
            "{",
            "[",
            "}",
            "not json",
            "{\"a\":",
            "{\"a\":1}{\"b\":2}",
            "{'single':'quotes'}",
            "NaN",
            "\u0000",
            "<story><title>x</title></story>",
            "title=x&level=mid",
            "{\"a\":1,\"a\":2}",
            "\"just a string\"",
            "12",
            "null",
            "[]",
            "{}"),
        Gen.strings(' ', '\uffff', 0, 200));
  }

  private static Gen<String> deepNesting() {
    return Gen.between(50, 20_000)
        .flatMap(
            depth ->
                Gen.of(
                    "[".repeat(depth) + "]".repeat(depth),
                    "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                    "[".repeat(depth)));
  }

  private Gen<String> hugeField(JsonNode schema) {
    JsonNode properties = document.resolve(schema).path("properties");
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      names.add("title");
    }
    return Gen.of(names)
        .flatMap(
            name ->
                Gen.between(10_000, 400_000)
                    .map(size -> "{\"" + name + "\":\"" + "x".repeat(size) + "\"}"));
  }

  /** A JSON value for a schema: mostly of its shape, sometimes of the wrong type or null. */
  private Gen<JsonNode> value(JsonNode schemaOrRef, int depth) {
    JsonNode schema = document.resolve(schemaOrRef);
    return Gen.frequency(
        Gen.weight(7, Gen.lazy(() -> conforming(schema, depth))),
        Gen.weight(2, Gen.lazy(() -> anyJson(Math.min(depth, 2)))),
        Gen.weight(1, Gen.just(NODES.nullNode())));
  }

  private Gen<JsonNode> conforming(JsonNode schema, int depth) {
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return Gen.frequency(
          Gen.weight(4, Gen.of(values)), Gen.weight(1, strings().map(NODES::textNode)));
    }
    if (schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
      List<JsonNode> options = new ArrayList<>();
      for (String kind : List.of("oneOf", "anyOf", "allOf")) {
        schema.path(kind).forEach(options::add);
      }
      return Gen.of(options).flatMap(option -> value(option, depth));
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" ->
          depth <= 0
              ? Gen.just(NODES.arrayNode())
              : value(schema.path("items"), depth - 1)
                  .list(Gen.of(3, 3, 3, 40))
                  .map(FuzzedRequests::array);
      case "integer" -> integers();
      case "number" ->
          Gen.oneOf(
              integers(),
              Gen.doubles().map(NODES::numberNode),
              Gen.of(NODES.numberNode(1e308), NODES.numberNode(-0.0)));
      case "boolean" -> Gen.of(NODES.booleanNode(true), NODES.booleanNode(false));
      case "string" -> strings().map(NODES::textNode);
      default -> anyJson(Math.min(depth, 2));
    };
  }

  private Gen<JsonNode> object(JsonNode schema, int depth) {
    JsonNode properties = schema.path("properties");
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return random -> {
      ObjectNode object = NODES.objectNode();
      for (String name : names) {
        if (random.nextInt(5) > 0 && depth > 0) {
          object.set(name, value(properties.get(name), depth - 1).next(random));
        }
      }
      if (random.nextInt(5) == 0) {
        String unknown =
            List.of("confidental", "authorId", "__proto__", "version", "id", "", "a.b")
                .get(random.nextInt(7));
        object.set(unknown, anyJson(1).next(random));
      }
      return object;
    };
  }

  private Gen<JsonNode> anyJson(int depth) {
    List<Gen<JsonNode>> choices = new ArrayList<>();
    choices.add(strings().map(NODES::textNode));
    choices.add(integers());
    choices.add(Gen.of(NODES.booleanNode(true), NODES.nullNode()));
    if (depth > 0) {
      choices.add(anyJson(depth - 1).list(Gen.just(3)).map(FuzzedRequests::array));
      choices.add(
          anyJson(depth - 1)
              .list(Gen.just(3))
              .map(
                  values -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < values.size(); i++) {
                      object.set("k" + i, values.get(i));
                    }
                    return (JsonNode) object;
                  }));
    }
    return Gen.oneOf(choices);
  }

  private static Gen<JsonNode> integers() {
    return Gen.oneOf(
        Gen.between(-3, 10).map(NODES::numberNode),
        Gen.of(
            NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MIN_VALUE),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new BigInteger("123456789012345678901234567890")),
            NODES.numberNode(1.5),
            NODES.textNode("7")));
  }

  /** Strings that have broken services before: the fixtures' ids among them. */
  private Gen<String> strings() {
    List<Gen<String>> kinds = new ArrayList<>();
    kinds.add(Gen.strings(' ', '~', 0, 30));
    kinds.add(Gen.strings('\u0000', '\uffff', 0, 30));
    kinds.add(Gen.strings('\u0000', '\u001f', 1, 8));
    kinds.add(
        Gen.of(
            "",
            " ",
            "ownership",
            "dive-deep",
            "mid",
            "senior",
            "json",
            "csv",
            "markdown",
            "no-reflection",
            "owns-the-outcome",
            "x' OR '1'='1",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "%s%n%x",
            "\u202eevil",
            "a\u0000b",
            "\ud800",
            "😀".repeat(40),
            "2026-13-45",
            "-1",
            "0",
            "10001",
            "2147483648",
            "1e309",
            "true"));
    kinds.add(Gen.between(300, 9_000).map("y"::repeat));
    if (!knownIds.isEmpty()) {
      kinds.add(Gen.of(knownIds));
    }
    return Gen.oneOf(kinds);
  }

  // --- drawing -------------------------------------------------------------------------------

  private <T> T draw(Gen<T> generator) {
    return generator.next(random);
  }

  private boolean coin(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  private static JsonNode array(List<JsonNode> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static String abbreviate(String text, int length) {
    String flat = text.replaceAll("[\\p{Cntrl}]", "?");
    return flat.length() > length
        ? flat.substring(0, length) + "… (" + text.length() + " chars)"
        : flat;
  }
}
