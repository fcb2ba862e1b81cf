package org.storybank.command.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.StoryDrafted;

/**
 * One STAR story in a candidate's bank. Validates in command handlers; changes state only from
 * events.
 */
@Aggregate
public class Story {

  @AggregateIdentifier private String storyId;
  private String authorId;

  protected Story() {
    // for Axon: rebuilt from its events
  }

  @CommandHandler
  public Story(DraftStory command) {
    StoryRules.requireAuthor(command.authorId());
    StoryRules.requireTitle(command.title());
    StoryRules.requireLevel(command.level());
    StoryRules.requirePrinciples(command.principles());
    StoryRules.requirePrompts(command.prompts());
    StoryRules.requireStarWithinLimits(command.star());
    apply(
        new StoryDrafted(
            command.storyId(),
            command.authorId(),
            command.cohortId(),
            command.title().strip(),
            command.principles(),
            command.prompts().stream().map(String::strip).toList(),
            command.level(),
            command.star()));
  }

  @EventSourcingHandler
  void on(StoryDrafted event) {
    storyId = event.storyId();
    authorId = event.authorId();
  }
}
