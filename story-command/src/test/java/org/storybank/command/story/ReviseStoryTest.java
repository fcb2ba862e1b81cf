package org.storybank.command.story;

import static org.storybank.command.story.Stories.AUTHOR;
import static org.storybank.command.story.Stories.COACH;
import static org.storybank.command.story.Stories.OTHER_CANDIDATE;
import static org.storybank.command.story.Stories.PROMPT;
import static org.storybank.command.story.Stories.STAR;
import static org.storybank.command.story.Stories.STORY;
import static org.storybank.command.story.Stories.drafted;
import static org.storybank.command.story.Stories.draftedWithEmptyResult;

import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryCommands.ReviseStory;
import org.storybank.api.story.StoryEvents.CommentAdded;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.PrincipleUntagged;
import org.storybank.api.story.StoryEvents.PromptLinked;
import org.storybank.api.story.StoryEvents.PromptUnlinked;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryMarkedReady;
import org.storybank.api.story.StoryEvents.StoryRevised;

class ReviseStoryTest {

  private static final StarText BETTER =
      new StarText(
          STAR.situation(), STAR.task(), STAR.action() + " I also added an alarm.", STAR.result());

  private final FakeMembership membership = new FakeMembership();
  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = Stories.fixture(membership);
  }

  @Test
  void aRevisionAtTheCurrentVersionBecomesTheNextRevision() {
    fixture
        .given(drafted())
        .when(revise(0L, " Retries, owned ", Level.SENIOR, BETTER))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new RevisionOutcome(1L, List.of()))
        .expectEvents(
            new StoryRevised(STORY, AUTHOR.userId(), 2, "Retries, owned", Level.SENIOR, BETTER));
  }

  @Test
  void aStaleVersionIsRejectedNotMerged() {
    fixture
        .given(drafted(), new StoryRevised(STORY, AUTHOR.userId(), 2, "Second", Level.MID, STAR))
        .when(revise(0L, "My edit of the first", Level.MID, BETTER))
        .expectException(ConflictingAggregateVersionException.class)
        .expectNoEvents();
  }

  @Test
  void anEvaluationOrCommentRecordedSinceTheWriterReadDoesNotBlockTheirRevision() {
    fixture
        .given(
            drafted(),
            new EvaluationRecorded(
                STORY, "svc", "e1", Evaluator.automatic("svc"), 1, Stories.result("r")),
            new CommentAdded(STORY, "coach-1", "c1", 1, "action", 0, 3, "Say more"))
        .when(revise(0L, "Retries, owned", Level.MID, BETTER))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new RevisionOutcome(3L, List.of()))
        .expectEvents(
            new StoryRevised(STORY, AUTHOR.userId(), 2, "Retries, owned", Level.MID, BETTER));
  }

  @Test
  void aPrincipleTaggedSinceTheWriterReadConflicts() {
    fixture
        .given(drafted(), new PrincipleTagged(STORY, AUTHOR.userId(), "dive-deep"))
        .when(revise(0L, "Retries, owned", Level.MID, BETTER))
        .expectException(ConflictingAggregateVersionException.class)
        .expectNoEvents();
  }

  @Test
  void anUnchangedRevisionRecordsNothing() {
    fixture
        .given(drafted())
        .when(revise(0L, "Retries nobody owned", Level.MID, STAR))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void principlesAndPromptsGivenWithTheRevisionAreReconciledInTheSameStep() {
    fixture
        .given(drafted())
        .when(
            new ReviseStory(
                STORY,
                0L,
                AUTHOR,
                "Retries nobody owned",
                Level.MID,
                STAR,
                List.of("dive-deep"),
                List.of(PROMPT.text(), "Describe a time you went beyond your role")))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    Matchers.equalTo(new PrincipleUntagged(STORY, AUTHOR.userId(), "ownership"))),
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    Matchers.equalTo(new PrincipleTagged(STORY, AUTHOR.userId(), "dive-deep"))),
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    Matchers.instanceOf(PromptLinked.class)),
                org.axonframework.test.matchers.Matchers.andNoMore()));
  }

  @Test
  void promptsLeftOutOfTheRevisionAreUnlinked() {
    fixture
        .given(drafted())
        .when(
            new ReviseStory(
                STORY, 0L, AUTHOR, "Retries nobody owned", Level.MID, STAR, null, List.of()))
        .expectEvents(new PromptUnlinked(STORY, AUTHOR.userId(), PROMPT.promptId()));
  }

  @Test
  void onlyTheAuthorRevises() {
    fixture
        .given(drafted())
        .when(new ReviseStory(STORY, 0L, COACH, "Coach's title", Level.MID, STAR, null, null))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void anotherCandidateIsToldTheStoryDoesNotExist() {
    fixture
        .given(drafted())
        .when(new ReviseStory(STORY, 0L, OTHER_CANDIDATE, "Mine now", Level.MID, STAR, null, null))
        .expectException(StoryNotFound.class)
        .expectNoEvents();
  }

  @Test
  void aReadyStoryCannotBeRevisedToAnEmptyPart() {
    fixture
        .given(drafted(), new StoryMarkedReady(STORY, AUTHOR.userId()))
        .when(
            revise(
                1L,
                "Retries nobody owned",
                Level.MID,
                new StarText(STAR.situation(), STAR.task(), STAR.action(), " ")))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("result:"))
        .expectNoEvents();
  }

  @Test
  void aDraftMayBeRevisedWithAnEmptyPart() {
    fixture
        .given(draftedWithEmptyResult())
        .when(revise(0L, "Half a story, retitled", Level.MID, draftedWithEmptyResult().star()))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    Matchers.instanceOf(StoryRevised.class))));
  }

  @Test
  void anArchivedStoryIsNotRevised() {
    fixture
        .given(drafted(), new StoryArchived(STORY, AUTHOR.userId()))
        .when(revise(1L, "New title", Level.MID, STAR))
        .expectException(StoryStateConflict.class)
        .expectNoEvents();
  }

  @Test
  void rejectsAFieldOverItsLimit() {
    fixture
        .given(drafted())
        .when(
            revise(
                0L,
                "Title",
                Level.MID,
                new StarText("s".repeat(8_001), STAR.task(), STAR.action(), STAR.result())))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("situation:"))
        .expectNoEvents();
  }

  @Test
  void rejectsAnUnknownPrincipleInTheRevision() {
    fixture
        .given(drafted())
        .when(
            new ReviseStory(STORY, 0L, AUTHOR, "Title", Level.MID, STAR, List.of("synergy"), null))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("principles:"))
        .expectNoEvents();
  }

  private static ReviseStory revise(Long version, String title, Level level, StarText star) {
    return new ReviseStory(STORY, version, AUTHOR, title, level, star, null, null);
  }
}
