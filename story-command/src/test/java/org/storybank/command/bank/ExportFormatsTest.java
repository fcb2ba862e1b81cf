package org.storybank.command.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.story.ConfidentialSpan;

class ExportFormatsTest {

  private static final ExportedStory STORY =
      new ExportedStory(
          "s-1",
          "=HYPERLINK(\"http://evil\")",
          List.of("ownership", "dive-deep"),
          List.of("Tell me, about a time", "-1 and more"),
          "mid",
          "Line one\nLine \"two\"",
          "@SUM(A1)",
          "# not a heading\n- not a list",
          "+5% revenue",
          List.of(new ConfidentialSpan("result", 0, 3)),
          "ready");

  @Test
  void csvIsRfc4180WithFormulasNeutralised() {
    String csv = CsvExport.write(List.of(STORY));
    assertThat(csv).startsWith("\uFEFF\"id\",\"title\",");
    String[] rows = csv.substring(1).split("\r\n(?=\"s-1\"|$)");
    assertThat(rows[0]).endsWith("\"confidential\"");
    assertThat(rows[1])
        .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
        .contains("\"ownership; dive-deep\"")
        .contains("\"Tell me, about a time\n-1 and more\"")
        .contains("\"Line one\nLine \"\"two\"\"\"")
        .contains("\"'@SUM(A1)\"")
        .contains("\"'+5% revenue\"")
        .contains("\"result:0-3\"");
    assertThat(csv).endsWith("\r\n");
  }

  @Test
  void everyCellStartingLikeAFormulaIsPrefixed() {
    assertThat(CsvExport.cell("=1+1")).isEqualTo("\"'=1+1\"");
    assertThat(CsvExport.cell("-2")).isEqualTo("\"'-2\"");
    assertThat(CsvExport.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
    assertThat(CsvExport.cell("plain")).isEqualTo("\"plain\"");
    assertThat(CsvExport.cell(null)).isEqualTo("\"\"");
  }

  @Test
  void markdownKeepsEachStoryInItsSectionsAndEscapesBlockSyntaxInTheText() {
    String md = MarkdownExport.write("Story bank", List.of(STORY));
    assertThat(md)
        .startsWith("# Story bank\n\n1 story\n")
        .contains("## =HYPERLINK(\"http://evil\")")
        .contains("*Level:* mid · *Status:* ready · *Principles:* ownership, dive-deep")
        .contains("- Tell me, about a time\n- -1 and more")
        .contains("### Situation\n\nLine one\nLine \"two\"\n")
        .contains("### Action\n\n\\# not a heading\n\\- not a list\n")
        .contains("*Confidential:* result:0-3");
  }
}
