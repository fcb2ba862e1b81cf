package org.storybank.command.story;

import static org.storybank.command.story.Stories.AUTHOR;
import static org.storybank.command.story.Stories.COACH;
import static org.storybank.command.story.Stories.COHORT;
import static org.storybank.command.story.Stories.PROMPT;
import static org.storybank.command.story.Stories.STAR;
import static org.storybank.command.story.Stories.STORY;

import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.story.Actor;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;

class DraftStoryTest {

  private final FakeMembership membership = new FakeMembership();
  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = Stories.fixture(membership);
  }

  @Test
  void draftingAStoryRecordsItsFirstRevision() {
    fixture
        .givenNoPriorActivity()
        .when(
            draft(
                "Retries nobody owned",
                List.of("ownership"),
                List.of(new PromptLink("p1", " Tell me about a time you owned a problem ", " ")),
                STAR))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new StoryDrafted(
                STORY,
                AUTHOR.userId(),
                COHORT,
                "Retries nobody owned",
                List.of("ownership"),
                List.of(PROMPT),
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
                    Matchers.instanceOf(StoryDrafted.class))));
  }

  @Test
  void onlyACandidateDraftsIntoABank() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftStory(STORY, COACH, COHORT, "Title", List.of(), List.of(), Level.MID, STAR))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
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
    List<PromptLink> prompts =
        java.util.stream.IntStream.range(0, 31)
            .mapToObj(i -> new PromptLink("p" + i, "Tell me about a time " + i, ""))
            .toList();
    expectRejected(draft("Title", List.of(), prompts, STAR), "prompts");
  }

  @Test
  void rejectsABlankPrompt() {
    expectRejected(
        draft("Title", List.of(), List.of(new PromptLink("p1", " ", "")), STAR), "prompts");
  }

  @Test
  void rejectsAPromptOverFiveHundredCharacters() {
    expectRejected(
        draft("Title", List.of(), List.of(new PromptLink("p1", "x".repeat(501), "")), STAR),
        "prompts");
  }

  @Test
  void rejectsAStarFieldOverEightThousandCharacters() {
    StarText longAction = new StarText("s", "t", "a".repeat(8_001), "r");
    expectRejected(draft("Title", List.of(), List.of(), longAction), "action");
  }

  @Test
  void rejectsAStoryWithoutLevel() {
    expectRejected(
        new DraftStory(STORY, AUTHOR, null, "Title", List.of(), List.of(), null, STAR), "level");
  }

  @Test
  void rejectsAStoryWithoutStarText() {
    expectRejected(
        new DraftStory(STORY, AUTHOR, null, "Title", List.of(), List.of(), Level.MID, null),
        "star");
  }

  @Test
  void rejectsAnAuthorWithoutId() {
    expectRejected(
        new DraftStory(
            STORY,
            Actor.candidate(" ", List.of()),
            null,
            "Title",
            List.of(),
            List.of(),
            Level.MID,
            STAR),
        "authorId");
  }

  @Test
  void rejectsTooManyPrinciplesEvenIfKnown() {
    List<String> many = Collections.nCopies(31, "ownership");
    expectRejected(draft("Title", many, List.of(), STAR), "principles");
  }

  private void expectRejected(DraftStory command, String field) {
    fixture
        .givenNoPriorActivity()
        .when(command)
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith(field + ":"))
        .expectNoEvents();
  }

  private static DraftStory draft(
      String title, List<String> principles, List<PromptLink> prompts, StarText star) {
    return new DraftStory(STORY, AUTHOR, COHORT, title, principles, prompts, Level.SENIOR, star);
  }
}
