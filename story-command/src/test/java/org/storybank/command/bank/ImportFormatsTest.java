package org.storybank.command.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.command.story.StoryRuleViolation;

/** What the CSV and Markdown exports write, their imports read back as the same stories. */
class ImportFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ExportedStory AWKWARD =
      new ExportedStory(
          "s-1",
          "=HYPERLINK(\"http://evil\")",
          List.of("ownership", "dive-deep"),
          List.of("Tell me, about a time", "-1 and more"),
          "mid",
          "Line one\nLine \"two\"\n\n'=already quoted\n\\starts with a backslash",
          "@SUM(A1)",
          "# not a heading\n- not a list\n## not a story\n---\n*(empty)*\n*Confidential:* no\n### Task",
          "+5% revenue, and \"quotes\", commas",
          List.of(new ConfidentialSpan("result", 0, 3), new ConfidentialSpan("action", 2, 9)),
          "ready");

  private static final ExportedStory PLAIN =
      new ExportedStory(
          "s-2",
          "A plain one",
          List.of(),
          List.of(),
          "senior",
          "We had a queue.",
          "",
          "I drained it.",
          "It stayed empty.",
          List.of(),
          "draft");

  @Test
  void csvReadsBackTheStoriesItWrote() throws Exception {
    JsonNode entries = CsvImport.read(CsvExport.write(List.of(AWKWARD, PLAIN)));

    assertThat(stories(entries)).containsExactly(AWKWARD, PLAIN);
  }

  @Test
  void markdownReadsBackTheStoriesItWrote() throws Exception {
    JsonNode entries =
        MarkdownImport.read(MarkdownExport.write("Story bank", List.of(AWKWARD, PLAIN)));

    assertThat(stories(entries)).containsExactly(AWKWARD, PLAIN);
  }

  @Test
  void csvColumnsMayComeInAnyOrderAndMissingOnesAreLeftToTheStoryRules() throws Exception {
    String csv = "title,level,situation\r\n\"Hand-made\",mid,\"'=1+1 is two\"\r\n";

    JsonNode entries = CsvImport.read(csv);

    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("title").asText()).isEqualTo("Hand-made");
    assertThat(entries.get(0).get("situation").asText()).isEqualTo("=1+1 is two");
    assertThat(entries.get(0).has("task")).isFalse();
    assertThat(entries.get(0).has("id")).as("no id: a new story").isFalse();
  }

  @Test
  void anUnknownCsvColumnIsNamed() {
    assertThatThrownBy(() -> CsvImport.read("title,compnay\r\nA,B\r\n"))
        .isInstanceOf(StoryRuleViolation.class)
        .hasMessageContaining("'compnay'");
  }

  @Test
  void rangesThatAreNotInTheExportsShapeStayTextForTheImportToReport() {
    assertThat(SpanText.parse("action:1-4; result:0-2")).hasSize(2);
    assertThat(SpanText.parse("action 1 to 4").isTextual()).isTrue();
    assertThat(SpanText.parse("action:99999999999-1").isTextual()).isTrue();
    assertThat(SpanText.parse("")).isEmpty();
  }

  @Test
  void markdownWithoutStorySectionsIsRefused() {
    assertThatThrownBy(() -> MarkdownImport.read("# My notes\n\nno stories here\n"))
        .isInstanceOf(StoryRuleViolation.class)
        .hasMessageContaining("## title");
  }

  @Test
  void quotesBeforeAFormulaSurviveTheRoundTrip() {
    for (String text : List.of("=x", "'=x", "''+x", "'plain", "plain", "-")) {
      String cell = CsvExport.cell(text);
      String read = cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
      assertThat(CsvExport.unneutralised(read)).as(text).isEqualTo(text);
    }
  }

  private static List<ExportedStory> stories(JsonNode entries) throws Exception {
    return List.of(JSON.treeToValue(entries, ExportedStory[].class));
  }
}
