package org.storybank.command.loop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.storybank.api.loop.LoopCommands.CancelLoop;
import org.storybank.api.loop.LoopCommands.PlanLoop;
import org.storybank.api.loop.LoopCommands.RecordLoopUsage;
import org.storybank.api.loop.LoopCommands.ReviseLoop;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopPlanned;
import org.storybank.api.loop.LoopEvents.LoopRevised;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;
import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;
import org.storybank.command.story.CohortMembership;

/**
 * A candidate's upcoming interview loop: company, role, level, date and the interviews with the
 * principles or questions each probes. Only the candidate changes it; the coach of the cohort the
 * candidate is in now may read it (on the query side) and is refused changes; anyone else is told
 * it does not exist. After the loop the candidate records which story they told where.
 */
@Aggregate
public class Loop {

  @AggregateIdentifier private String loopId;
  private String candidateId;
  private LoopDetails details;
  private boolean cancelled;

  protected Loop() {
    // for Axon: rebuilt from its events
  }

  @CommandHandler
  public Loop(PlanLoop command) {
    LoopRules.requireId(command.loopId());
    Actor actor = command.actor();
    if (actor == null || actor.role() != ActorRole.CANDIDATE) {
      throw new LoopActionForbidden("only a candidate plans their own loops");
    }
    apply(new LoopPlanned(command.loopId(), actor.userId(), LoopRules.checked(command.details())));
  }

  @CommandHandler
  void handle(ReviseLoop command, CohortMembership membership) {
    requireCandidate(command.actor(), membership);
    LoopDetails revised = LoopRules.checked(command.details());
    if (!revised.equals(details)) {
      apply(new LoopRevised(loopId, candidateId, revised));
    }
  }

  @CommandHandler
  void handle(CancelLoop command, CohortMembership membership) {
    requireCandidate(command.actor(), membership);
    apply(new LoopCancelled(loopId, candidateId));
  }

  @CommandHandler
  void handle(RecordLoopUsage command, CohortMembership membership) {
    requireCandidate(command.actor(), membership);
    apply(
        new LoopUsageRecorded(
            loopId,
            candidateId,
            details.company(),
            details.date(),
            LoopRules.checkedUses(command.uses(), details)));
  }

  /** The candidate passes; their current coach is refused (403); anyone else gets 404. */
  private void requireCandidate(Actor actor, CohortMembership membership) {
    if (candidateId == null || cancelled || actor == null) {
      throw new LoopNotFound(loopId);
    }
    if (actor.role() == ActorRole.CANDIDATE && actor.userId().equals(candidateId)) {
      return;
    }
    boolean coach = membership.cohortOf(candidateId, null).map(actor::coaches).orElse(false);
    if (coach) {
      throw new LoopActionForbidden("a coach reads a candidate's loops but does not change them");
    }
    throw new LoopNotFound(loopId);
  }

  @EventSourcingHandler
  void on(LoopPlanned event) {
    loopId = event.loopId();
    candidateId = event.candidateId();
    details = event.details();
  }

  @EventSourcingHandler
  void on(LoopRevised event) {
    details = event.details();
  }

  @EventSourcingHandler
  void on(LoopCancelled event) {
    cancelled = true;
  }
}
