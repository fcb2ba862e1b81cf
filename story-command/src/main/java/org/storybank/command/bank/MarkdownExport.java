package org.storybank.command.bank;

import java.util.List;
import java.util.regex.Pattern;
import org.storybank.api.story.StarField;

/**
 * Stories as Markdown to read and print: one section per story with its level, status and
 * principles, the prompts it answers, then the four STAR parts. A line of story text that Markdown
 * would read as a heading, list, quote or rule is escaped so the story keeps its shape.
 */
final class MarkdownExport {

  static final String EMPTY = "*(empty)*";
  static final String CONFIDENTIAL = "*Confidential:* ";

  private static final Pattern ESCAPED =
      Pattern.compile(
          "^\\s{0,3}(#|>|[-*+] |\\d+[.)] |[-*_]{3,}\\s*$|=+\\s*$|```|\\\\|\\*\\(empty\\)\\*|\\*Confidential:\\*).*");

  private MarkdownExport() {}

  static String write(String heading, List<ExportedStory> stories) {
    StringBuilder md = new StringBuilder("# ").append(inline(heading)).append("\n\n");
    md.append(stories.size()).append(stories.size() == 1 ? " story" : " stories").append("\n");
    for (ExportedStory story : stories) {
      md.append("\n---\n\n## ").append(inline(story.title())).append("\n\n");
      md.append("*Level:* ").append(story.level()).append(" · *Status:* ").append(story.status());
      if (!story.principles().isEmpty()) {
        md.append(" · *Principles:* ").append(String.join(", ", story.principles()));
      }
      md.append("  \n*Id:* `").append(story.id()).append("`\n");
      if (!story.prompts().isEmpty()) {
        md.append("\n**Answers**\n\n");
        story.prompts().forEach(prompt -> md.append("- ").append(inline(prompt)).append('\n'));
      }
      part(md, StarField.SITUATION, story.situation());
      part(md, StarField.TASK, story.task());
      part(md, StarField.ACTION, story.action());
      part(md, StarField.RESULT, story.result());
      if (!story.confidential().isEmpty()) {
        md.append('\n')
            .append(CONFIDENTIAL)
            .append(SpanText.write(story.confidential()))
            .append('\n');
      }
    }
    return md.toString();
  }

  private static void part(StringBuilder md, StarField field, String text) {
    md.append("\n### ").append(field.label()).append("\n\n");
    if (text == null || text.isBlank()) {
      md.append(EMPTY).append('\n');
      return;
    }
    for (String line : text.strip().split("\\R", -1)) {
      md.append(block(line)).append('\n');
    }
  }

  /**
   * A line of story text that must not start a Markdown block of its own, nor read as one of this
   * export's own markers; a line that starts with a backslash gets one more, so that the import can
   * always take exactly one off.
   */
  static String block(String line) {
    if (ESCAPED.matcher(line).matches()) {
      int indent = line.length() - line.stripLeading().length();
      return line.substring(0, indent) + "\\" + line.substring(indent);
    }
    return line;
  }

  /** Text on one line of a heading or list item. */
  static String inline(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
