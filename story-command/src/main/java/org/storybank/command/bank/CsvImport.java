package org.storybank.command.bank;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.storybank.command.story.StoryRuleViolation;

/**
 * Reads the CSV that {@link CsvExport} writes back into the export's JSON entries, so that one
 * import checks every format the same way: the header names the columns (any order, all of them
 * known), principles are split at {@code ;}, prompts at line breaks, ranges parsed from {@code
 * action:12-30}, and the {@code '} that neutralised a formula is taken off again.
 */
final class CsvImport {

  private static final CsvMapper CSV = new CsvMapper();

  private CsvImport() {}

  static ArrayNode read(String text) {
    List<String[]> rows = rows(text.startsWith("\uFEFF") ? text.substring(1) : text);
    if (rows.isEmpty()) {
      throw new StoryRuleViolation("body", "must be CSV with a header row as the export writes");
    }
    String[] header = rows.get(0);
    for (String column : header) {
      if (!CsvExport.COLUMNS.contains(column.strip())) {
        throw new StoryRuleViolation(
            "body",
            "the CSV column '"
                + column.strip()
                + "' is unknown; the columns are "
                + String.join(", ", CsvExport.COLUMNS));
      }
    }
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    for (String[] row : rows.subList(1, rows.size())) {
      if (row.length == 1 && row[0].isBlank()) {
        continue;
      }
      entries.add(entry(header, row));
    }
    return entries;
  }

  private static List<String[]> rows(String text) {
    try (MappingIterator<String[]> rows =
        CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
      return new ArrayList<>(rows.readAll());
    } catch (IOException | RuntimeException unreadable) {
      throw new StoryRuleViolation("body", "is not readable as CSV (RFC 4180)");
    }
  }

  private static ObjectNode entry(String[] header, String[] row) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < header.length; i++) {
      String value = i < row.length ? CsvExport.unneutralised(row[i]) : "";
      String column = header[i].strip();
      switch (column) {
        case "principles" -> entry.set("principles", list(value.split(";")));
        case "prompts" -> entry.set("prompts", list(value.split("\\R")));
        case "confidential" -> entry.set("confidential", SpanText.parse(value));
        case "id", "status" -> {
          if (!value.isBlank()) {
            entry.put(column, value.strip());
          }
        }
        default -> entry.put(column, value);
      }
    }
    return entry;
  }

  private static ArrayNode list(String[] parts) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    Arrays.stream(parts).map(String::strip).filter(part -> !part.isEmpty()).forEach(list::add);
    return list;
  }
}
