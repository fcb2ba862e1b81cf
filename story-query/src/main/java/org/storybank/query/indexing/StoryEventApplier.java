package org.storybank.query.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.query.projection.CohortPlacement;
import org.storybank.query.projection.EvaluationDocument;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryProjection;
import org.storybank.query.semantic.StoryEmbedder;

/**
 * Applies story events to the stories and evaluations indexes, a batch at a time: the batch's
 * stories are read in one request, each story's events are projected in order in memory, the
 * stories whose text changed are embedded once each (in parallel), placed in their author's cohort
 * (one memberships search for the batch) and written in bulk under external versioning. Used by the
 * Kafka consumer and by a rebuild's catch-up alike; applying an event twice changes nothing.
 */
public class StoryEventApplier {

  private static final Logger log = LoggerFactory.getLogger(StoryEventApplier.class);

  /** A story event with the envelope it came in. */
  public record Received(StoryEvent event, EventEnvelope envelope) {}

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
    applyAll(List.of(new Received(event, envelope)));
  }

  public void applyAll(List<Received> events) {
    Map<String, List<Received>> byStory = new LinkedHashMap<>();
    events.forEach(
        received ->
            byStory
                .computeIfAbsent(received.event().storyId(), id -> new ArrayList<>())
                .add(received));
    Map<String, StoryDocument> held = stories.getAll(byStory.keySet());
    List<EvaluationDocument> recorded = new ArrayList<>();
    List<StoryDocument> changed = new ArrayList<>();
    byStory.forEach(
        (storyId, ofStory) ->
            project(Optional.ofNullable(held.get(storyId)), ofStory, recorded)
                .ifPresent(changed::add));
    evaluations.writeAll(recorded);
    if (changed.isEmpty()) {
      return;
    }
    Map<String, List<CohortPlacement.Membership>> known =
        memberships.ofAll(changed.stream().map(StoryDocument::authorId).toList());
    // every write is placed, not only the draft's: a cohort move may have rewritten the document
    // between our read and this write
    stories.writeAll(
        changed.parallelStream()
            .map(embedder::embed)
            .map(
                document ->
                    CohortPlacement.place(
                        document, known.getOrDefault(document.authorId(), List.of())))
            .toList());
  }

  /** The story's document after its events, when any of them changed it. */
  private Optional<StoryDocument> project(
      Optional<StoryDocument> current, List<Received> ofStory, List<EvaluationDocument> recorded) {
    boolean changed = false;
    for (Received received : ofStory) {
      if (received.event() instanceof EvaluationRecorded evaluation && current.isPresent()) {
        recorded.add(EvaluationDocument.of(evaluation, current.get(), received.envelope()));
      }
      switch (projection.apply(current, received.event(), received.envelope())) {
        case StoryProjection.Outcome.Write write -> {
          current = Optional.of(write.document());
          changed = true;
        }
        case StoryProjection.Outcome.MissingStory missing ->
            log.warn(
                "story {} is not in the index, so its event at version {} changes nothing; reindex to repair",
                received.event().storyId(),
                received.envelope().sequence());
        case StoryProjection.Outcome.AlreadyApplied applied -> {}
      }
    }
    return changed ? current : Optional.empty();
  }
}
