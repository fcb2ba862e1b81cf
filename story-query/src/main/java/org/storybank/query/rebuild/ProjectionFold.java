package org.storybank.query.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.CohortPlacement;
import org.storybank.query.projection.CohortPlacement.Membership;
import org.storybank.query.projection.EvaluationDocument;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.projection.LoopProjection;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryProjection;

/**
 * Replays events in the event store's global order into memory, with the same projections the live
 * consumers use, so a rebuilt index holds what the live one would. Evaluations are handed out as
 * they come (they are never changed afterwards); stories and memberships at the end.
 */
class ProjectionFold {

  record VersionedMembership(Membership membership, long version) {}

  private final StoryProjection projection = new StoryProjection();
  private final LoopProjection loopProjection = new LoopProjection();

  /**
   * In the order of each story's latest event: the order in which the live consumers last wrote
   * them, so reading their vectors back from the live index walks its stored blocks in sequence.
   */
  private final Map<String, StoryDocument> stories = new LinkedHashMap<>(16, 0.75f, true);

  private final Map<String, Set<String>> storiesByAuthor = new HashMap<>();

  /** candidate → cohort → membership */
  private final Map<String, Map<String, VersionedMembership>> memberships = new HashMap<>();

  private final List<EvaluationDocument> evaluations = new ArrayList<>();

  private final Map<String, LoopDocument> loops = new LinkedHashMap<>();

  void apply(StoredEvent stored, Object event) {
    EventEnvelope envelope = stored.envelope();
    if (event instanceof StoryEvent storyEvent) {
      story(storyEvent, envelope);
    } else if (event instanceof CohortEvent cohortEvent) {
      CohortChange.of(cohortEvent).ifPresent(change -> cohort(change, stored.sequence()));
    } else if (event instanceof LoopEvent loopEvent) {
      loopProjection
          .apply(Optional.ofNullable(loops.get(loopEvent.loopId())), loopEvent, envelope)
          .ifPresent(loop -> loops.put(loop.loopId(), loop));
    }
  }

  private void story(StoryEvent event, EventEnvelope envelope) {
    Optional<StoryDocument> current = Optional.ofNullable(stories.get(event.storyId()));
    if (event instanceof EvaluationRecorded recorded && current.isPresent()) {
      evaluations.add(EvaluationDocument.of(recorded, current.get(), envelope));
    }
    if (projection.apply(current, event, envelope) instanceof StoryProjection.Outcome.Write write) {
      StoryDocument document =
          CohortPlacement.place(write.document(), membershipsOf(write.document().authorId()));
      stories.put(document.storyId(), document);
      storiesByAuthor
          .computeIfAbsent(document.authorId(), author -> new LinkedHashSet<>())
          .add(document.storyId());
    }
  }

  private void cohort(CohortChange change, long sequence) {
    String cohortId = change.joined() != null ? change.joined() : change.left();
    Map<String, VersionedMembership> ofCandidate =
        memberships.computeIfAbsent(change.candidateId(), candidate -> new HashMap<>());
    VersionedMembership known = ofCandidate.get(cohortId);
    if (known != null && known.version() >= sequence) {
      return;
    }
    ofCandidate.put(
        cohortId,
        new VersionedMembership(
            new Membership(change.candidateId(), cohortId, change.joined() != null), sequence));
    List<Membership> now = membershipsOf(change.candidateId());
    for (String storyId : storiesByAuthor.getOrDefault(change.candidateId(), Set.of())) {
      CohortPlacement.move(stories.get(storyId), now)
          .ifPresent(moved -> stories.put(storyId, moved));
    }
  }

  private List<Membership> membershipsOf(String candidateId) {
    return memberships.getOrDefault(candidateId, Map.of()).values().stream()
        .map(VersionedMembership::membership)
        .toList();
  }

  /** The evaluations folded since the last call. */
  List<EvaluationDocument> drainEvaluations() {
    List<EvaluationDocument> drained = List.copyOf(evaluations);
    evaluations.clear();
    return drained;
  }

  Collection<StoryDocument> stories() {
    return stories.values();
  }

  Collection<LoopDocument> loops() {
    return loops.values();
  }

  List<VersionedMembership> memberships() {
    return memberships.values().stream()
        .flatMap(ofCandidate -> ofCandidate.values().stream())
        .toList();
  }
}
