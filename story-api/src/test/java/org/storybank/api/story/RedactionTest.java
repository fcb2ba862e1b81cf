package org.storybank.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private static final StarText STAR =
      new StarText(
          "Acme Bank's checkout failed.", "", "I cut costs by $2.4M for Acme Bank.", "Done.");

  @Test
  void eachSpanIsReplacedByTheMarkerInItsOwnField() {
    List<ConfidentialSpan> spans =
        List.of(new ConfidentialSpan("situation", 0, 9), new ConfidentialSpan("action", 21, 24));
    StarText redacted = Redaction.redact(STAR, spans);
    assertThat(redacted.situation()).isEqualTo("[confidential]'s checkout failed.");
    assertThat(redacted.action()).isEqualTo("I cut costs by $2.4M [confidential] Acme Bank.");
    assertThat(redacted.result()).isEqualTo("Done.");
  }

  @Test
  void adjacentSpansBothRedact() {
    assertThat(
            Redaction.redactField(
                "abcdef",
                "task",
                List.of(new ConfidentialSpan("task", 0, 2), new ConfidentialSpan("task", 2, 4))))
        .isEqualTo("[confidential][confidential]ef");
  }

  @Test
  void quotesOfASecretAreRedactedWholeInsideAndAtTheEdges() {
    List<String> secrets = List.of("$2.4M for Acme Bank");
    assertThat(Redaction.redactQuotes("I cut costs by $2.4M for Acme Bank.", secrets))
        .isEqualTo("I cut costs by [confidential].");
    assertThat(Redaction.redactQuotes("$2.4M", secrets)).isEqualTo("[confidential]");
    assertThat(Redaction.redactQuotes("I cut costs by $2.4M for", secrets))
        .isEqualTo("I cut costs by [confidential]");
    assertThat(Redaction.redactQuotes("Acme Bank was happy", secrets))
        .isEqualTo("[confidential] was happy");
    assertThat(Redaction.redactQuotes("nothing secret here", secrets))
        .isEqualTo("nothing secret here");
    assertThat(Redaction.redactQuotes("Measured: $2.4M; from 9 to 1.", secrets))
        .isEqualTo("Measured: [confidential]; from 9 to 1.");
    assertThat(Redaction.redactQuotes("Acme was named", List.of("a deal for Acme Bank")))
        .isEqualTo("[confidential] was named");
    assertThat(Redaction.redactQuotes("a loan for the bank", List.of("the deal for Acme Bank")))
        .as("common and short words are left")
        .isEqualTo("a loan for the bank");
  }

  @Test
  void theSecretsAreTheTextsUnderTheSpans() {
    assertThat(Redaction.secrets(STAR, List.of(new ConfidentialSpan("action", 15, 20))))
        .containsExactly("$2.4M");
  }

  @Test
  void positionsMapBetweenTheClearAndTheRedactedText() {
    // "I cut costs by $2.4M for Acme Bank." with "$2.4M" (15-20) confidential
    List<ConfidentialSpan> spans = List.of(new ConfidentialSpan("action", 15, 20));
    String redacted = Redaction.redactField(STAR.action(), "action", spans);
    int clearFor = STAR.action().indexOf("for");
    int redactedFor = redacted.indexOf("for");
    assertThat(Redaction.toRedacted(clearFor, "action", spans, false)).isEqualTo(redactedFor);
    assertThat(Redaction.toClear(redactedFor, "action", spans, false)).isEqualTo(clearFor);
    assertThat(Redaction.toRedacted(2, "action", spans, false)).isEqualTo(2);
    assertThat(Redaction.toRedacted(17, "action", spans, false)).isEqualTo(15);
    assertThat(Redaction.toRedacted(17, "action", spans, true)).isEqualTo(15 + 14);
    assertThat(Redaction.toClear(20, "action", spans, false)).isEqualTo(15);
    assertThat(Redaction.toClear(20, "action", spans, true)).isEqualTo(20);
    assertThat(Redaction.toClear(5, "task", spans, false)).isEqualTo(5);
  }
}
