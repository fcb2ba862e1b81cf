package org.storybank.command.drill;

import java.util.List;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import org.storybank.api.story.Actor;
import org.storybank.api.story.StoryStatus;
import org.storybank.command.history.StoryReader;
import org.storybank.command.history.StoryState;
import org.storybank.command.story.StoryNotFound;

/**
 * A candidate's stories read straight from the event store, so a story drafted a moment ago counts.
 */
@Component
class EventStoreCandidateStories implements CandidateStories {

  private final StoryReader reader;

  EventStoreCandidateStories(StoryReader reader) {
    this.reader = reader;
  }

  @Override
  public OptionalInt currentRevision(String storyId, String candidateId) {
    try {
      StoryState story =
          reader.timeline(storyId, Actor.candidate(candidateId, List.of())).current();
      boolean own =
          candidateId.equals(story.authorId()) && !StoryStatus.ARCHIVED.is(story.status());
      return own ? OptionalInt.of(story.revision()) : OptionalInt.empty();
    } catch (StoryNotFound e) {
      return OptionalInt.empty();
    }
  }
}
