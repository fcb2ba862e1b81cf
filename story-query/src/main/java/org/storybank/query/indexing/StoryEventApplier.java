package org.storybank.query.indexing;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.query.projection.EvaluationDocument;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryProjection;
import org.storybank.query.semantic.StoryEmbedder;

/**
 * Applies one story event to the stories and evaluations indexes: read the document, project the
 * event, embed, write under external versioning. Used by the Kafka consumer and by a rebuild's
 * catch-up alike; applying an event twice changes nothing.
 */
public class StoryEventApplier {

  private static final Logger log = LoggerFactory.getLogger(StoryEventApplier.class);

  private final StoryProjection projection = new StoryProjection();
  private final StoriesIndex stories;
  private final EvaluationsIndex evaluations;
  private final MembershipsIndex memberships;
  private final StoryEmbedder embedder;

  public StoryEventApplier(
      StoriesIndex stories,
      EvaluationsIndex evaluations,
      MembershipsIndex memberships,
      StoryEmbedder embedder) {
    this.stories = stories;
    this.evaluations = evaluations;
    this.memberships = memberships;
    this.embedder = embedder;
  }

  public void apply(StoryEvent event, EventEnvelope envelope) {
    Optional<StoryDocument> current = stories.get(event.storyId());
    if (event instanceof EvaluationRecorded recorded && current.isPresent()) {
      evaluations.write(EvaluationDocument.of(recorded, current.get(), envelope));
    }
    switch (projection.apply(current, event, envelope)) {
      case StoryProjection.Outcome.Write write -> {
        StoryDocument document = embedder.embed(write.document());
        // every write is placed, not only the draft's: a cohort move may have rewritten the
        // document between our read and this write
        stories.write(memberships.place(document));
      }
      case StoryProjection.Outcome.MissingStory missing ->
          log.warn(
              "story {} is not in the index, so its event at version {} changes nothing; reindex to repair",
              event.storyId(),
              envelope.sequence());
      case StoryProjection.Outcome.AlreadyApplied applied -> {}
    }
  }
}
