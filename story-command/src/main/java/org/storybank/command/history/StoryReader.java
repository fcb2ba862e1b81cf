package org.storybank.command.history;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.storybank.api.story.Actor;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.StoryEvent;
import org.storybank.command.story.CohortMembership;
import org.storybank.command.story.StoryAccess;
import org.storybank.command.story.StoryNotFound;

/**
 * Reads a story's events straight from the event store, so a reader sees their own write at once. A
 * story the actor may not see reads exactly like one that does not exist.
 */
@Component
public class StoryReader {

  private final EventStore eventStore;
  private final CohortMembership membership;

  StoryReader(EventStore eventStore, CohortMembership membership) {
    this.eventStore = eventStore;
    this.membership = membership;
  }

  public StoryTimeline timeline(String storyId, Actor actor) {
    StoryTimeline timeline = clearTimeline(storyId);
    StoryAccess access = timeline.access(membership);
    access.requireVisible(actor);
    // the author and the evaluator read the clear text; a coach never does
    return access.isAuthor(actor) || actor.role() == Actor.ActorRole.EVALUATOR
        ? timeline
        : timeline.redacted();
  }

  /**
   * The confidential spans of the story now, for translating a position in the redacted text a
   * coach reads into the clear text; only for someone who may see the story.
   */
  public List<ConfidentialSpan> confidentialSpans(String storyId, Actor actor) {
    StoryTimeline timeline = clearTimeline(storyId);
    timeline.access(membership).requireVisible(actor);
    return timeline.current().confidential();
  }

  private StoryTimeline clearTimeline(String storyId) {
    List<StoryTimeline.Step> steps = new ArrayList<>();
    DomainEventStream stream = eventStore.readEvents(storyId, 0L);
    while (stream.hasNext()) {
      DomainEventMessage<?> message = stream.next();
      if (message.getPayload() instanceof StoryEvent event) {
        steps.add(
            new StoryTimeline.Step(event, message.getSequenceNumber(), message.getTimestamp()));
      }
    }
    if (steps.isEmpty()) {
      throw new StoryNotFound(storyId);
    }
    return StoryTimeline.of(steps);
  }

  /** The version of the story's last event, or -1 when it has none. */
  public long currentVersion(String storyId) {
    Long last = eventStore.lastSequenceNumberFor(storyId).orElse(null);
    return last == null ? -1 : last;
  }
}
