package org.storybank.api.drill;

/** What happened in a practice drill. Each event names the drill's candidate. */
public final class DrillEvents {

  private DrillEvents() {}

  public record DrillDrawn(String drillId, String candidateId, DrawnPrompt prompt)
      implements DrillEvent {}

  /** The story told, at the revision it had then (answering again replaces the choice). */
  public record DrillAnswered(String drillId, String candidateId, String storyId, int revision)
      implements DrillEvent {}

  /**
   * The candidate's own rating 1–5 of the answer; carries the principle, story and revision so that
   * calibration can set it beside the automatic and coach scores of the same revision.
   */
  public record DrillRated(
      String drillId,
      String candidateId,
      String principle,
      String storyId,
      int revision,
      int rating)
      implements DrillEvent {}

  public record DrillAbandoned(String drillId, String candidateId) implements DrillEvent {}
}
