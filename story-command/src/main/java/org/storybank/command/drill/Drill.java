package org.storybank.command.drill;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.OptionalInt;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.storybank.api.drill.DrawnPrompt;
import org.storybank.api.drill.DrillCommands.AbandonDrill;
import org.storybank.api.drill.DrillCommands.AnswerDrill;
import org.storybank.api.drill.DrillCommands.DrawDrill;
import org.storybank.api.drill.DrillCommands.RateDrill;
import org.storybank.api.drill.DrillEvents.DrillAbandoned;
import org.storybank.api.drill.DrillEvents.DrillAnswered;
import org.storybank.api.drill.DrillEvents.DrillDrawn;
import org.storybank.api.drill.DrillEvents.DrillRated;
import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;
import org.storybank.command.story.CohortMembership;

/**
 * One practice round: a prompt drawn for a candidate, the story they answer it with, and how they
 * rate their telling (1–5). Only the candidate acts in it; the coach of the cohort the candidate is
 * in now may read it and is refused actions (403); anyone else is told it does not exist.
 */
@Aggregate
public class Drill {

  @AggregateIdentifier private String drillId;
  private String candidateId;
  private DrawnPrompt prompt;
  private String storyId;
  private int revision;
  private Integer rating;
  private boolean abandoned;

  protected Drill() {
    // for Axon: rebuilt from its events
  }

  @CommandHandler
  public Drill(DrawDrill command) {
    DrillRules.requireId("drillId", command.drillId());
    Actor actor = command.actor();
    if (actor == null || actor.role() != ActorRole.CANDIDATE) {
      throw new DrillActionForbidden("only a candidate practises drills");
    }
    apply(new DrillDrawn(command.drillId(), actor.userId(), DrillRules.checked(command.prompt())));
  }

  @CommandHandler
  void handle(AnswerDrill command, CohortMembership membership, CandidateStories stories) {
    requireCandidate(command.actor(), membership);
    requireOpen();
    if (rating != null) {
      throw new DrillStateConflict("the drill is rated; draw a new one to practise again");
    }
    DrillRules.requireId("storyId", command.storyId());
    OptionalInt current = stories.currentRevision(command.storyId(), candidateId);
    if (current.isEmpty()) {
      throw new DrillRuleViolation("storyId", "must be one of your own current stories");
    }
    if (!command.storyId().equals(storyId) || current.getAsInt() != revision) {
      apply(new DrillAnswered(drillId, candidateId, command.storyId(), current.getAsInt()));
    }
  }

  @CommandHandler
  void handle(RateDrill command, CohortMembership membership) {
    requireCandidate(command.actor(), membership);
    requireOpen();
    int checked = DrillRules.checkedRating(command.rating());
    if (storyId == null) {
      throw new DrillStateConflict("answer the drill with a story before rating it");
    }
    if (rating == null || rating != checked) {
      apply(new DrillRated(drillId, candidateId, prompt.principle(), storyId, revision, checked));
    }
  }

  @CommandHandler
  void handle(AbandonDrill command, CohortMembership membership) {
    requireCandidate(command.actor(), membership);
    if (abandoned) {
      return;
    }
    if (rating != null) {
      throw new DrillStateConflict("a rated drill is finished and stays in the history");
    }
    apply(new DrillAbandoned(drillId, candidateId));
  }

  /** The candidate passes; their current coach is refused (403); anyone else gets 404. */
  private void requireCandidate(Actor actor, CohortMembership membership) {
    if (candidateId == null || actor == null) {
      throw new DrillNotFound(drillId);
    }
    if (actor.role() == ActorRole.CANDIDATE && actor.userId().equals(candidateId)) {
      return;
    }
    boolean coach = membership.cohortOf(candidateId, null).map(actor::coaches).orElse(false);
    if (coach) {
      throw new DrillActionForbidden("a coach reads a candidate's drills but does not act in them");
    }
    throw new DrillNotFound(drillId);
  }

  private void requireOpen() {
    if (abandoned) {
      throw new DrillStateConflict("the drill was abandoned");
    }
  }

  @EventSourcingHandler
  void on(DrillDrawn event) {
    drillId = event.drillId();
    candidateId = event.candidateId();
    prompt = event.prompt();
  }

  @EventSourcingHandler
  void on(DrillAnswered event) {
    storyId = event.storyId();
    revision = event.revision();
  }

  @EventSourcingHandler
  void on(DrillRated event) {
    rating = event.rating();
  }

  @EventSourcingHandler
  void on(DrillAbandoned event) {
    abandoned = true;
  }
}
