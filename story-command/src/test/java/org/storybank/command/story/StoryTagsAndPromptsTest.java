package org.storybank.command.story;

import static org.storybank.command.story.Stories.AUTHOR;
import static org.storybank.command.story.Stories.COACH;
import static org.storybank.command.story.Stories.PROMPT;
import static org.storybank.command.story.Stories.STORY;
import static org.storybank.command.story.Stories.drafted;
import static org.storybank.command.story.Stories.draftedWithEmptyResult;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StoryCommands.LinkPrompt;
import org.storybank.api.story.StoryCommands.MarkStoryReady;
import org.storybank.api.story.StoryCommands.TagPrinciple;
import org.storybank.api.story.StoryCommands.UnlinkPrompt;
import org.storybank.api.story.StoryCommands.UntagPrinciple;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.PrincipleUntagged;
import org.storybank.api.story.StoryEvents.PromptLinked;
import org.storybank.api.story.StoryEvents.PromptUnlinked;
import org.storybank.api.story.StoryEvents.StoryMarkedReady;

class StoryTagsAndPromptsTest {

  private final FakeMembership membership = new FakeMembership();
  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = Stories.fixture(membership);
  }

  @Test
  void tagsAPrinciple() {
    fixture
        .given(drafted())
        .when(new TagPrinciple(STORY, AUTHOR, "dive-deep"))
        .expectResultMessagePayload(1L)
        .expectEvents(new PrincipleTagged(STORY, AUTHOR.userId(), "dive-deep"));
  }

  @Test
  void taggingATaggedPrincipleChangesNothing() {
    fixture
        .given(drafted())
        .when(new TagPrinciple(STORY, AUTHOR, "ownership"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void rejectsTaggingAnUnknownPrinciple() {
    fixture
        .given(drafted())
        .when(new TagPrinciple(STORY, AUTHOR, "synergy"))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void rejectsTaggingNoPrincipleAtAll() {
    fixture
        .given(drafted())
        .when(new TagPrinciple(STORY, AUTHOR, null))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage("principles: a principle is required")
        .expectNoEvents();
  }

  @Test
  void aCoachDoesNotTagTheCandidatesStory() {
    fixture
        .given(drafted())
        .when(new TagPrinciple(STORY, COACH, "dive-deep"))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void untagsAPrinciple() {
    fixture
        .given(drafted())
        .when(new UntagPrinciple(STORY, AUTHOR, "ownership"))
        .expectEvents(new PrincipleUntagged(STORY, AUTHOR.userId(), "ownership"));
  }

  @Test
  void aReadyStoryKeepsItsLastPrinciple() {
    fixture
        .given(drafted(), new StoryMarkedReady(STORY, AUTHOR.userId()))
        .when(new UntagPrinciple(STORY, AUTHOR, "ownership"))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void linksAPromptWithItsAngle() {
    PromptLink prompt =
        new PromptLink("p2", "Describe a time you disagreed", "I pushed back on scope");
    fixture
        .given(drafted())
        .when(new LinkPrompt(STORY, AUTHOR, prompt))
        .expectEvents(new PromptLinked(STORY, AUTHOR.userId(), prompt));
  }

  @Test
  void rejectsAPromptIdAlreadyLinked() {
    fixture
        .given(drafted())
        .when(new LinkPrompt(STORY, AUTHOR, new PromptLink(PROMPT.promptId(), "Other text", "")))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void rejectsAnAngleOverItsLimit() {
    fixture
        .given(drafted())
        .when(new LinkPrompt(STORY, AUTHOR, new PromptLink("p2", "Prompt", "a".repeat(1_001))))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("angle:"))
        .expectNoEvents();
  }

  @Test
  void unlinksAPrompt() {
    fixture
        .given(drafted())
        .when(new UnlinkPrompt(STORY, AUTHOR, PROMPT.promptId()))
        .expectEvents(new PromptUnlinked(STORY, AUTHOR.userId(), PROMPT.promptId()));
  }

  @Test
  void rejectsUnlinkingAPromptThatIsNotThere() {
    fixture
        .given(drafted())
        .when(new UnlinkPrompt(STORY, AUTHOR, "nope"))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCompleteStoryIsMarkedReady() {
    fixture
        .given(drafted())
        .when(new MarkStoryReady(STORY, AUTHOR))
        .expectEvents(new StoryMarkedReady(STORY, AUTHOR.userId()));
  }

  @Test
  void aStoryWithAnEmptyPartIsNotReady() {
    fixture
        .given(draftedWithEmptyResult())
        .when(new MarkStoryReady(STORY, AUTHOR))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("result:"))
        .expectNoEvents();
  }
}
