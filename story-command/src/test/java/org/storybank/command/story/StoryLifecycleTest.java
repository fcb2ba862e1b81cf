package org.storybank.command.story;

import static org.storybank.command.story.Stories.AUTHOR;
import static org.storybank.command.story.Stories.COACH;
import static org.storybank.command.story.Stories.OTHER_CANDIDATE;
import static org.storybank.command.story.Stories.OTHER_COACH;
import static org.storybank.command.story.Stories.STORY;
import static org.storybank.command.story.Stories.drafted;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.story.StoryCommands.AddComment;
import org.storybank.api.story.StoryCommands.ArchiveStory;
import org.storybank.api.story.StoryCommands.RateStory;
import org.storybank.api.story.StoryCommands.ResolveComment;
import org.storybank.api.story.StoryCommands.RestoreStory;
import org.storybank.api.story.StoryCommands.TagPrinciple;
import org.storybank.api.story.StoryEvents.CommentAdded;
import org.storybank.api.story.StoryEvents.CommentResolved;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryMarkedReady;
import org.storybank.api.story.StoryEvents.StoryRestored;
import org.storybank.api.story.StoryEvents.StorySelfRated;

class StoryLifecycleTest {

  private final FakeMembership membership = new FakeMembership();
  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = Stories.fixture(membership);
  }

  @Test
  void archivesAndRestores() {
    fixture
        .given(drafted())
        .when(new ArchiveStory(STORY, AUTHOR))
        .expectEvents(new StoryArchived(STORY, AUTHOR.userId()));
    fixture
        .given(drafted(), new StoryArchived(STORY, AUTHOR.userId()))
        .when(new RestoreStory(STORY, AUTHOR))
        .expectEvents(new StoryRestored(STORY, AUTHOR.userId(), false));
  }

  @Test
  void aStoryArchivedWhenReadyIsRestoredReady() {
    fixture
        .given(
            drafted(),
            new StoryMarkedReady(STORY, AUTHOR.userId()),
            new StoryArchived(STORY, AUTHOR.userId()))
        .when(new RestoreStory(STORY, AUTHOR))
        .expectEvents(new StoryRestored(STORY, AUTHOR.userId(), true));
  }

  @Test
  void archivingTwiceOrRestoringALiveStoryChangesNothing() {
    fixture
        .given(drafted(), new StoryArchived(STORY, AUTHOR.userId()))
        .when(new ArchiveStory(STORY, AUTHOR))
        .expectNoEvents();
    fixture.given(drafted()).when(new RestoreStory(STORY, AUTHOR)).expectNoEvents();
  }

  @Test
  void anArchivedStoryIsReadOnlyUntilRestored() {
    fixture
        .given(drafted(), new StoryArchived(STORY, AUTHOR.userId()))
        .when(new TagPrinciple(STORY, AUTHOR, "dive-deep"))
        .expectException(StoryStateConflict.class)
        .expectNoEvents();
  }

  @Test
  void onlyTheAuthorArchives() {
    fixture
        .given(drafted())
        .when(new ArchiveStory(STORY, OTHER_CANDIDATE))
        .expectException(StoryNotFound.class)
        .expectNoEvents();
  }

  @Test
  void aCoachOfTheCohortPinsACommentToARange() {
    fixture
        .given(drafted())
        .when(new AddComment(STORY, COACH, "c1", "action", 2, 8, " Say what you traced. "))
        .expectResultMessagePayload(1L)
        .expectEvents(
            new CommentAdded(
                STORY, COACH.userId(), "c1", 1, "action", 2, 8, "Say what you traced."));
  }

  @Test
  void aCommentRangeMustLieInsideTheField() {
    int length = Stories.STAR.task().length();
    fixture
        .given(drafted())
        .when(new AddComment(STORY, COACH, "c1", "task", 0, length + 1, "Too far"))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.startsWith("range:"))
        .expectNoEvents();
    fixture
        .given(drafted())
        .when(new AddComment(STORY, COACH, "c1", "task", 5, 5, "Empty range"))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCommentIsPinnedToAStarField() {
    fixture
        .given(drafted())
        .when(new AddComment(STORY, COACH, "c1", "title", 0, 3, "Not a STAR field"))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.startsWith("field:"))
        .expectNoEvents();
  }

  @Test
  void aCoachOfAnotherCohortCannotComment() {
    fixture
        .given(drafted())
        .when(new AddComment(STORY, OTHER_COACH, "c1", "action", 0, 3, "Hi"))
        .expectException(StoryNotFound.class)
        .expectNoEvents();
  }

  @Test
  void theAuthorDoesNotCommentOnTheirOwnStory() {
    fixture
        .given(drafted())
        .when(new AddComment(STORY, AUTHOR, "c1", "action", 0, 3, "Note to self"))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void theAuthorResolvesAComment() {
    fixture
        .given(drafted(), new CommentAdded(STORY, COACH.userId(), "c1", 1, "action", 0, 3, "Hi"))
        .when(new ResolveComment(STORY, AUTHOR, "c1"))
        .expectEvents(new CommentResolved(STORY, AUTHOR.userId(), "c1"));
  }

  @Test
  void resolvingAnUnknownCommentIsRejected() {
    fixture
        .given(drafted())
        .when(new ResolveComment(STORY, AUTHOR, "c9"))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void resolvingTwiceChangesNothing() {
    fixture
        .given(
            drafted(),
            new CommentAdded(STORY, COACH.userId(), "c1", 1, "action", 0, 3, "Hi"),
            new CommentResolved(STORY, COACH.userId(), "c1"))
        .when(new ResolveComment(STORY, AUTHOR, "c1"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void theAuthorRatesTheirStory() {
    fixture
        .given(drafted())
        .when(new RateStory(STORY, AUTHOR, 4))
        .expectEvents(new StorySelfRated(STORY, AUTHOR.userId(), 4));
  }

  @Test
  void aRatingIsOneToFive() {
    fixture
        .given(drafted())
        .when(new RateStory(STORY, AUTHOR, 6))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCoachDoesNotSelfRate() {
    fixture
        .given(drafted())
        .when(new RateStory(STORY, COACH, 3))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }
}
