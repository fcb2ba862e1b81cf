package org.storybank.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.PromptUnlinked;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryRevised;

class StoryTextProjectionTest {

  private static final StoryDrafted DRAFTED =
      new StoryDrafted(
          "s-1",
          "author-1",
          "cohort-1",
          "Title",
          List.of(),
          List.of(new PromptLink("p1", "Tell me about a time", "")),
          Level.MID,
          new StarText("s", "t", "a", "r"));

  @Test
  void aDraftIsKeptAsRevisionOneAndWaitsForAPrincipleBeforeItIsJudged() {
    StoryText story = StoryTextProjection.apply(Optional.empty(), DRAFTED, 0).orElseThrow();
    assertThat(story.revision()).isEqualTo(1);
    assertThat(story.prompts()).containsExactly(new StoryText.Prompt("p1", "Tell me about a time"));
    assertThat(story.needsEvaluation("v1")).isFalse();

    StoryText tagged =
        StoryTextProjection.apply(
                Optional.of(story), new PrincipleTagged("s-1", "author-1", "ownership"), 1)
            .orElseThrow();
    assertThat(tagged.needsEvaluation("v1")).isTrue();
  }

  @Test
  void aRevisionReplacesTheTextAndIsJudgedAgain() {
    StoryText judged =
        withEvaluation(
            StoryTextProjection.apply(Optional.empty(), DRAFTED, 0).orElseThrow(),
            List.of("ownership"),
            1,
            "v1");
    assertThat(judged.needsEvaluation("v1")).isFalse();
    assertThat(judged.needsEvaluation("v2")).as("a new rubric judges again").isTrue();

    StoryText revised =
        StoryTextProjection.apply(
                Optional.of(judged),
                new StoryRevised(
                    "s-1",
                    "author-1",
                    2,
                    "Title",
                    Level.SENIOR,
                    new StarText("s2", "t2", "a2", "r2")),
                1)
            .orElseThrow();
    assertThat(revised.action()).isEqualTo("a2");
    assertThat(revised.level()).isEqualTo("senior");
    assertThat(revised.needsEvaluation("v1")).isTrue();
  }

  @Test
  void repeatsAndUnrelatedEventsChangeNothing() {
    StoryText story = StoryTextProjection.apply(Optional.empty(), DRAFTED, 0).orElseThrow();
    assertThat(StoryTextProjection.apply(Optional.of(story), DRAFTED, 0)).isEmpty();
    assertThat(
            StoryTextProjection.apply(Optional.of(story), new StoryArchived("s-1", "author-1"), 1))
        .isEmpty();
    assertThat(
            StoryTextProjection.apply(
                    Optional.of(story), new PromptUnlinked("s-1", "author-1", "p1"), 2)
                .orElseThrow()
                .prompts())
        .isEmpty();
  }

  private static StoryText withEvaluation(
      StoryText story, List<String> principles, int revision, String rubric) {
    return new StoryText(
        story.storyId(),
        story.authorId(),
        story.cohortId(),
        story.version(),
        story.revision(),
        story.level(),
        principles,
        story.prompts(),
        story.situation(),
        story.task(),
        story.action(),
        story.result(),
        revision,
        rubric);
  }
}
