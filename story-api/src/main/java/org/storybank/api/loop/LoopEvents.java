package org.storybank.api.loop;

import java.util.List;

/** What happened to an interview loop. Each event names the loop's candidate. */
public final class LoopEvents {

  private LoopEvents() {}

  public record LoopPlanned(String loopId, String candidateId, LoopDetails details)
      implements LoopEvent {}

  public record LoopRevised(String loopId, String candidateId, LoopDetails details)
      implements LoopEvent {}

  public record LoopCancelled(String loopId, String candidateId) implements LoopEvent {}

  /**
   * The stories told, replacing any earlier record; {@code company} and {@code date} as the loop
   * named them then.
   */
  public record LoopUsageRecorded(
      String loopId, String candidateId, String company, String date, List<StoryUse> uses)
      implements LoopEvent {

    public LoopUsageRecorded {
      uses = uses == null ? List.of() : List.copyOf(uses);
    }
  }
}
