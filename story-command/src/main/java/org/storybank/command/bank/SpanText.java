package org.storybank.command.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.storybank.api.story.ConfidentialSpan;

/** Confidential ranges as CSV and Markdown write them: {@code action:12-30; result:0-5}. */
final class SpanText {

  private static final Pattern SPAN =
      Pattern.compile("\\s*([a-z]+)\\s*:\\s*(\\d+)\\s*-\\s*(\\d+)\\s*");

  private SpanText() {}

  static String write(List<ConfidentialSpan> spans) {
    return spans.stream()
        .map(span -> span.field() + ":" + span.start() + "-" + span.end())
        .collect(Collectors.joining("; "));
  }

  /**
   * The ranges as the JSON entry holds them; text that is not in this shape is handed on as text,
   * so the import reports the entry's {@code confidential} field as wrong instead of guessing.
   */
  static JsonNode parse(String text) {
    ArrayNode spans = JsonNodeFactory.instance.arrayNode();
    if (text == null || text.isBlank()) {
      return spans;
    }
    for (String part : text.split(";")) {
      Matcher span = SPAN.matcher(part);
      if (!span.matches()) {
        return TextNode.valueOf(text);
      }
      try {
        spans
            .addObject()
            .put("field", span.group(1))
            .put("start", Integer.parseInt(span.group(2)))
            .put("end", Integer.parseInt(span.group(3)));
      } catch (NumberFormatException tooLarge) {
        return TextNode.valueOf(text);
      }
    }
    return spans;
  }
}
