package org.storybank.api.drill;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.storybank.api.story.Actor;

/** What a candidate does with a practice drill. */
public final class DrillCommands {

  private DrillCommands() {}

  /** Start a drill on the prompt drawn for the actor, who is its candidate. */
  public record DrawDrill(
      @TargetAggregateIdentifier String drillId, Actor actor, DrawnPrompt prompt)
      implements DrillCommand {}

  /** Answer the prompt with one of the candidate's own stories (a new one is drafted first). */
  public record AnswerDrill(@TargetAggregateIdentifier String drillId, Actor actor, String storyId)
      implements DrillCommand {}

  /** How well the candidate thinks they told it, 1 (poorly) to 5 (as well as they could). */
  public record RateDrill(@TargetAggregateIdentifier String drillId, Actor actor, Integer rating)
      implements DrillCommand {}

  /** Give up on a drill before rating it; it stays in the history as abandoned. */
  public record AbandonDrill(@TargetAggregateIdentifier String drillId, Actor actor)
      implements DrillCommand {}
}
