package org.storybank.command.bank;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storybank.command.story.StoryRuleViolation;

/**
 * Reads the Markdown that {@link MarkdownExport} writes back into the export's JSON entries: a
 * story per {@code ## title} section, its level, status, principles and id from the line under the
 * title, the prompts from the list under <b>Answers</b>, each STAR part from under its {@code ###}
 * heading (the escapes the export added taken off again), and the confidential ranges.
 */
final class MarkdownImport {

  private static final Pattern META = Pattern.compile("\\*([A-Za-z]+):\\*\\s*([^·]*)");
  private static final Pattern ID = Pattern.compile("^\\*Id:\\*\\s*`([^`]*)`\\s*$");
  private static final Pattern PART = Pattern.compile("^### (Situation|Task|Action|Result)\\s*$");
  private static final Pattern ESCAPE = Pattern.compile("^(\\s{0,3})\\\\");

  private MarkdownImport() {}

  static ArrayNode read(String text) {
    List<List<String>> sections = sections(text.lines().toList());
    if (sections.isEmpty()) {
      throw new StoryRuleViolation(
          "body", "must be Markdown as the export writes it: one '## title' section per story");
    }
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    sections.forEach(section -> entries.add(entry(section)));
    return entries;
  }

  /** The lines of each story, from its {@code ##} title to the rule before the next. */
  private static List<List<String>> sections(List<String> lines) {
    List<List<String>> sections = new ArrayList<>();
    List<String> current = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        current = new ArrayList<>();
        sections.add(current);
      }
      if (current != null && !line.equals("---")) {
        current.add(line);
      }
    }
    return sections;
  }

  private static ObjectNode entry(List<String> section) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("title", section.get(0).substring(3).strip());
    ArrayNode prompts = entry.putArray("prompts");
    ArrayNode principles = entry.putArray("principles");
    String part = null;
    List<String> partLines = new ArrayList<>();
    boolean answers = false;
    for (String line : section.subList(1, section.size())) {
      Matcher heading = PART.matcher(line);
      if (heading.matches() || line.startsWith(MarkdownExport.CONFIDENTIAL)) {
        closePart(entry, part, partLines);
        part = heading.matches() ? heading.group(1).toLowerCase(Locale.ROOT) : null;
        answers = false;
        if (line.startsWith(MarkdownExport.CONFIDENTIAL)) {
          entry.set(
              "confidential", SpanText.parse(line.substring(MarkdownExport.CONFIDENTIAL.length())));
        }
      } else if (part != null) {
        partLines.add(line);
      } else if (line.equals("**Answers**")) {
        answers = true;
      } else if (answers && line.startsWith("- ")) {
        prompts.add(line.substring(2).strip());
      } else if (line.startsWith("*Level:*")) {
        meta(entry, principles, line);
      } else {
        Matcher id = ID.matcher(line);
        if (id.matches() && !id.group(1).isBlank()) {
          entry.put("id", id.group(1).strip());
        }
      }
    }
    closePart(entry, part, partLines);
    return entry;
  }

  private static void meta(ObjectNode entry, ArrayNode principles, String line) {
    Matcher field = META.matcher(line);
    while (field.find()) {
      String value = field.group(2).strip();
      switch (field.group(1)) {
        case "Level" -> entry.put("level", value);
        case "Status" -> entry.put("status", value);
        case "Principles" -> {
          for (String principle : value.split(",")) {
            if (!principle.isBlank()) {
              principles.add(principle.strip());
            }
          }
        }
        default -> {
          // a field this reader does not know changes nothing
        }
      }
    }
  }

  private static void closePart(ObjectNode entry, String part, List<String> lines) {
    if (part == null) {
      return;
    }
    int from = 0;
    while (from < lines.size() && lines.get(from).isBlank()) {
      from++;
    }
    int to = lines.size();
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    List<String> text = lines.subList(from, to);
    if (text.size() == 1 && text.get(0).equals(MarkdownExport.EMPTY)) {
      entry.put(part, "");
    } else {
      entry.put(
          part,
          String.join(
              "\n", text.stream().map(line -> ESCAPE.matcher(line).replaceFirst("$1")).toList()));
    }
    lines.clear();
  }
}
