package org.storybank.command.bank;

import java.util.List;
import java.util.stream.Collectors;
import org.storybank.api.story.ConfidentialSpan;

/**
 * Stories as RFC 4180 CSV for a spreadsheet: CRLF rows, every field quoted, quotes doubled, a UTF-8
 * byte order mark so the spreadsheet reads the text as UTF-8, and a cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, tab or carriage return) prefixed with {@code '}.
 */
final class CsvExport {

  static final List<String> COLUMNS =
      List.of(
          "id",
          "title",
          "level",
          "status",
          "principles",
          "prompts",
          "situation",
          "task",
          "action",
          "result",
          "confidential");

  private CsvExport() {}

  static String write(List<ExportedStory> stories) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    row(csv, COLUMNS);
    for (ExportedStory story : stories) {
      row(
          csv,
          List.of(
              story.id(),
              story.title(),
              story.level(),
              story.status(),
              String.join("; ", story.principles()),
              String.join("\n", story.prompts()),
              story.situation(),
              story.task(),
              story.action(),
              story.result(),
              spans(story.confidential())));
    }
    return csv.toString();
  }

  /** {@code action:12-30; result:0-5} */
  static String spans(List<ConfidentialSpan> spans) {
    return spans.stream()
        .map(span -> span.field() + ":" + span.start() + "-" + span.end())
        .collect(Collectors.joining("; "));
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
