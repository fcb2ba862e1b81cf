package org.storybank.query.projection;

import java.util.Optional;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;

/**
 * Turns story events into the document the stories index should hold afterwards. Pure: no I/O, so
 * it is tested as a plain object; the writer applies the result with the sequence number as
 * external version, which makes replays and duplicates harmless.
 */
public class StoryProjection {

  public Optional<StoryDocument> apply(StoryEvent event, EventEnvelope envelope) {
    return switch (event) {
      case StoryDrafted drafted -> Optional.of(drafted(drafted, envelope));
    };
  }

  private static StoryDocument drafted(StoryDrafted event, EventEnvelope envelope) {
    return new StoryDocument(
        event.storyId(),
        event.authorId(),
        event.cohortId(),
        event.title(),
        event.principles(),
        event.prompts(),
        event.level().id(),
        event.star().situation(),
        event.star().task(),
        event.star().action(),
        event.star().result(),
        "draft",
        envelope.sequence(),
        1,
        envelope.timestamp(),
        envelope.timestamp());
  }
}
