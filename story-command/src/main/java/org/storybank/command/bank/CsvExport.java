package org.storybank.command.bank;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Stories as RFC 4180 CSV for a spreadsheet: CRLF rows, every field quoted, quotes doubled, a UTF-8
 * byte order mark so the spreadsheet reads the text as UTF-8, and a cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, tab or carriage return, also behind quotes)
 * prefixed with {@code '}.
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

  /** What a spreadsheet would run, behind any quotes that an earlier prefix put there. */
  private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r]");

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
              SpanText.write(story.confidential())));
    }
    return csv.toString();
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
    if (FORMULA.matcher(text).lookingAt()) {
      text = "'" + text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /**
   * A cell as it was before {@link #cell} neutralised it. Text that itself began with {@code '}
   * before a formula character was given one more, so taking one off is always exact.
   */
  static String unneutralised(String cell) {
    return cell.startsWith("'") && FORMULA.matcher(cell).lookingAt() ? cell.substring(1) : cell;
  }
}
