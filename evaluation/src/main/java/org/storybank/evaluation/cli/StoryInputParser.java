package org.storybank.evaluation.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.storybank.api.Level;
import org.storybank.api.Principles;
import org.storybank.evaluation.analysis.StoryInput;

/**
 * Reads the input of `./storybank evaluate`: a JSON array of stories, each an object with the
 * string fields id, principle, level, prompt, situation, task, action and result, and optionally
 * {@code principles}: every principle the story is tagged with (the first one, or {@code
 * principle}, is the primary one whose bar it must meet). Everything wrong with it is reported at
 * once, each problem naming the entry (index and id) and the field. Empty STAR fields are valid:
 * judging them is the analyser's job.
 */
final class StoryInputParser {

  static final List<String> FIELDS =
      List.of("id", "principle", "level", "prompt", "situation", "task", "action", "result");

  private static final int MAX_PROBLEMS = 20;

  /** The stories, or the problems that stop them being evaluated. */
  record Parsed(List<StoryInput> stories, List<InputProblem> problems) {

    boolean ok() {
      return problems.isEmpty();
    }
  }

  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  Parsed parse(String text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JsonProcessingException e) {
      return failed("input is not valid JSON: " + describe(e));
    }
    if (root == null || root.isMissingNode()) {
      return failed("input is empty: expected a JSON array of stories");
    }
    if (!root.isArray()) {
      return failed(
          "input must be a JSON array of stories, but it is "
              + typeOf(root)
              + " (wrap a single story in [ ])");
    }
    List<StoryInput> stories = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (int index = 0; index < root.size(); index++) {
      JsonNode entry = root.get(index);
      List<String> entryProblems = check(entry);
      if (entryProblems.isEmpty()) {
        stories.add(toInput(entry));
      } else {
        String where = where(index, entry);
        for (String problem : entryProblems) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(new InputProblem(where + ": " + problem));
          }
        }
      }
    }
    return new Parsed(problems.isEmpty() ? stories : List.of(), problems);
  }

  private static List<String> check(JsonNode entry) {
    List<String> problems = new ArrayList<>();
    if (!entry.isObject()) {
      problems.add(
          "expected an object with the fields "
              + String.join(", ", FIELDS)
              + ", found "
              + typeOf(entry));
      return problems;
    }
    for (String field : FIELDS) {
      JsonNode value = entry.get(field);
      if (value == null) {
        problems.add("field \"" + field + "\" is missing");
      } else if (!value.isTextual()) {
        problems.add("field \"" + field + "\" must be a string, found " + typeOf(value));
      }
    }
    JsonNode principle = entry.get("principle");
    if (principle != null && principle.isTextual() && !Principles.isKnown(principle.asText())) {
      problems.add(
          "field \"principle\": unknown principle \""
              + principle.asText()
              + "\"; expected one of "
              + String.join(", ", Principles.AMAZON_LEADERSHIP));
    }
    JsonNode tagged = entry.get("principles");
    if (tagged != null) {
      if (!tagged.isArray()) {
        problems.add(
            "field \"principles\" must be an array of principle ids, found " + typeOf(tagged));
      } else {
        for (JsonNode id : tagged) {
          if (!id.isTextual() || !Principles.isKnown(id.asText())) {
            problems.add(
                "field \"principles\": unknown principle "
                    + id
                    + "; expected ids of "
                    + String.join(", ", Principles.AMAZON_LEADERSHIP));
          }
        }
      }
    }
    JsonNode level = entry.get("level");
    if (level != null && level.isTextual() && Level.fromId(level.asText()).isEmpty()) {
      problems.add(
          "field \"level\": unknown level \""
              + level.asText()
              + "\"; expected one of entry, mid, senior, staff");
    }
    return problems;
  }

  private static StoryInput toInput(JsonNode entry) {
    List<String> also = new ArrayList<>();
    if (entry.has("principles")) {
      entry.get("principles").forEach(id -> also.add(id.asText()));
    }
    return new StoryInput(
        entry.get("id").asText(),
        entry.get("principle").asText(),
        also,
        entry.get("level").asText(),
        entry.get("prompt").asText(),
        entry.get("situation").asText(),
        entry.get("task").asText(),
        entry.get("action").asText(),
        entry.get("result").asText());
  }

  private static String where(int index, JsonNode entry) {
    JsonNode id = entry.isObject() ? entry.get("id") : null;
    if (id != null && id.isValueNode() && !id.isNull()) {
      return "entry " + index + " (id \"" + id.asText() + "\")";
    }
    return "entry " + index + " (no id)";
  }

  private static final Set<String> ARTICLE_AN = Set.of("object", "array", "integer");

  private static String typeOf(JsonNode node) {
    String type =
        switch (node.getNodeType()) {
          case ARRAY -> "array";
          case OBJECT, POJO -> "object";
          case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
          case BOOLEAN -> "boolean";
          case NULL -> "null";
          case STRING -> "string";
          default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    if (type.equals("null")) {
      return "null";
    }
    return (ARTICLE_AN.contains(type) ? "an " : "a ") + type;
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    if (location == null) {
      return message;
    }
    return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static Parsed failed(String message) {
    return new Parsed(List.of(), List.of(new InputProblem(message)));
  }
}
