package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Bad input at an edge: whatever arrives, the answer is a 4xx that says what was wrong, never a
 * 5xx.
 */
final class BadInput {

  private BadInput() {}

  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  /** A 4xx with a problem body naming what was wrong. */
  static HttpResponse<String> refused(
      Api api, String method, String path, String token, Map<String, String> headers, String body)
      throws Exception {
    HttpResponse<String> answer = api.raw(method, path, token, headers, body);
    String what = method + " " + path + " with " + abbreviate(body);
    assertThat(answer.statusCode()).as("%s answered %s", what, answer.body()).isBetween(400, 499);
    var problem = Api.json(answer.body());
    assertThat(
            List.of("detail", "message", "error").stream()
                .map(field -> problem.path(field).asText(""))
                .filter(text -> !text.isBlank())
                .findFirst())
        .as("%s says what was wrong: %s", what, answer.body())
        .isPresent();
    return answer;
  }

  static HttpResponse<String> refusedJson(
      Api api, String method, String path, String token, String body) throws Exception {
    return refused(api, method, path, token, JSON, body);
  }

  /** A 4xx, whatever its body (the servlet container answers some of these itself). */
  static int notServerError(Api api, String method, String path, String token) throws Exception {
    HttpResponse<String> answer = api.raw(method, path, token, Map.of(), null);
    assertThat(answer.statusCode())
        .as("%s %s answered %s", method, abbreviate(path), answer.body())
        .isBetween(400, 499);
    return answer.statusCode();
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "no body";
    }
    return text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
  }
}
