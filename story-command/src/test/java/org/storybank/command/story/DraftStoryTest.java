package org.storybank.command.story;

import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;

class DraftStoryTest {

  private static final StarText STAR =
      new StarText(
          "Our checkout page failed for one customer in twenty.",
          "Nobody owned the payment retries.",
          "I traced the failures to a timeout and proposed a retry budget.",
          "Failed checkouts fell from 5% to 0.4% in two weeks.");

  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Story.class);
  }

  @Test
  void draftingAStoryRecordsItsFirstRevision() {
    fixture
        .givenNoPriorActivity()
        .when(
            draft(
                "Retries nobody owned",
                List.of("ownership"),
                List.of(" Tell me about a time you owned a problem "),
                STAR))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new StoryDrafted(
                "story-1",
                "candidate-1",
                "cohort-1",
                "Retries nobody owned",
                List.of("ownership"),
                List.of("Tell me about a time you owned a problem"),
                Level.SENIOR,
                STAR));
  }

  @Test
  void aDraftMayLeaveStarPartsEmpty() {
    StarText onlySituation = new StarText("A migration was late.", "", "", "");
    fixture
        .givenNoPriorActivity()
        .when(draft("Late migration", List.of(), List.of(), onlySituation))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    org.hamcrest.Matchers.instanceOf(StoryDrafted.class))));
  }

  @Test
  void rejectsABlankTitle() {
    expectRejected(draft("  ", List.of("ownership"), List.of(), STAR), "title");
  }

  @Test
  void rejectsATitleOverTwoHundredCharacters() {
    expectRejected(draft("t".repeat(201), List.of("ownership"), List.of(), STAR), "title");
  }

  @Test
  void rejectsAnUnknownPrinciple() {
    expectRejected(draft("Title", List.of("ownership", "synergy"), List.of(), STAR), "principles");
  }

  @Test
  void rejectsARepeatedPrinciple() {
    expectRejected(
        draft("Title", List.of("ownership", "ownership"), List.of(), STAR), "principles");
  }

  @Test
  void rejectsMoreThanThirtyPrompts() {
    expectRejected(
        draft("Title", List.of(), Collections.nCopies(31, "Tell me about a time"), STAR),
        "prompts");
  }

  @Test
  void rejectsABlankPrompt() {
    expectRejected(draft("Title", List.of(), List.of(" "), STAR), "prompts");
  }

  @Test
  void rejectsAStarFieldOverEightThousandCharacters() {
    StarText longAction = new StarText("s", "t", "a".repeat(8_001), "r");
    expectRejected(draft("Title", List.of(), List.of(), longAction), "action");
  }

  @Test
  void rejectsAStoryWithoutLevel() {
    expectRejected(
        new DraftStory("story-1", "candidate-1", null, "Title", List.of(), List.of(), null, STAR),
        "level");
  }

  @Test
  void rejectsAStoryWithoutAuthor() {
    expectRejected(
        new DraftStory("story-1", " ", null, "Title", List.of(), List.of(), Level.MID, STAR),
        "authorId");
  }

  @Test
  void rejectsAStoryWithoutStarText() {
    expectRejected(
        new DraftStory(
            "story-1", "candidate-1", null, "Title", List.of(), List.of(), Level.MID, null),
        "star");
  }

  private void expectRejected(DraftStory command, String field) {
    fixture
        .givenNoPriorActivity()
        .when(command)
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.startsWith(field + ":"))
        .expectNoEvents();
  }

  private static DraftStory draft(
      String title, List<String> principles, List<String> prompts, StarText star) {
    return new DraftStory(
        "story-1", "candidate-1", "cohort-1", title, principles, prompts, Level.SENIOR, star);
  }
}
