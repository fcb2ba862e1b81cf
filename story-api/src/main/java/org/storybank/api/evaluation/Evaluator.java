package org.storybank.api.evaluation;

/** Who judged a story: the automatic evaluator (by its rubric) or a coach. */
public record Evaluator(Kind kind, String id) {

  public enum Kind {
    AUTOMATIC,
    COACH
  }

  public static Evaluator automatic(String serviceId) {
    return new Evaluator(Kind.AUTOMATIC, serviceId);
  }

  public static Evaluator coach(String coachId) {
    return new Evaluator(Kind.COACH, coachId);
  }
}
