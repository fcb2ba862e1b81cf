package org.storybank.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;

class StoryProjectionTest {

  private final StoryProjection projection = new StoryProjection();

  @Test
  void aDraftedStoryBecomesItsFirstRevisionAtTheEventsSequenceNumber() {
    Instant at = Instant.parse("2026-11-25T10:15:30Z");
    StoryDrafted drafted =
        new StoryDrafted(
            "story-7",
            "author-1",
            "cohort-2",
            "Pager storms",
            List.of("ownership", "dive-deep"),
            List.of("Tell me about a time you owned an outage"),
            Level.SENIOR,
            new StarText(
                "Pages every night.",
                "Nobody owned alerting.",
                "I rewrote the rules.",
                "Pages fell by 80%."));

    StoryDocument document =
        projection.apply(drafted, new EventEnvelope("event-1", "story-7", 0, at)).orElseThrow();

    assertThat(document.storyId()).isEqualTo("story-7");
    assertThat(document.authorId()).isEqualTo("author-1");
    assertThat(document.cohortId()).isEqualTo("cohort-2");
    assertThat(document.level()).isEqualTo("senior");
    assertThat(document.principles()).containsExactly("ownership", "dive-deep");
    assertThat(document.action()).isEqualTo("I rewrote the rules.");
    assertThat(document.result()).isEqualTo("Pages fell by 80%.");
    assertThat(document.version()).isZero();
    assertThat(document.revision()).isEqualTo(1);
    assertThat(document.status()).isEqualTo("draft");
    assertThat(document.createdAt()).isEqualTo(at);
    assertThat(document.updatedAt()).isEqualTo(at);
  }
}
