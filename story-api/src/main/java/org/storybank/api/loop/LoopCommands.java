package org.storybank.api.loop;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.storybank.api.story.Actor;

/** What a candidate asks of one of their interview loops. */
public final class LoopCommands {

  private LoopCommands() {}

  /** Record an upcoming loop; the actor is its candidate. */
  public record PlanLoop(@TargetAggregateIdentifier String loopId, Actor actor, LoopDetails details)
      implements LoopCommand {}

  /** Replace what the loop holds (company, role, level, date, interviews). */
  public record ReviseLoop(
      @TargetAggregateIdentifier String loopId, Actor actor, LoopDetails details)
      implements LoopCommand {}

  /** The loop is off; it disappears from the candidate's loops. */
  public record CancelLoop(@TargetAggregateIdentifier String loopId, Actor actor)
      implements LoopCommand {}

  /** After the loop: which story was told in which interview (replaces an earlier record). */
  public record RecordLoopUsage(
      @TargetAggregateIdentifier String loopId, Actor actor, List<StoryUse> uses)
      implements LoopCommand {

    public RecordLoopUsage {
      // a null use is kept for the aggregate's rule to name (uses[i]); List.copyOf would throw
      // first
      uses =
          uses == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(uses));
    }
  }
}
