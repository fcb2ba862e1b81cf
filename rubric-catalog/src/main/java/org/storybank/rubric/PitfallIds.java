package org.storybank.rubric;

import java.util.List;

/** The twelve pitfall ids fixed by the design brief; outside checks rely on them. */
public final class PitfallIds {

  public static final String ASSIGNED_SCOPE_ONLY = "assigned-scope-only";
  public static final String MARTYRDOM = "martyrdom";
  public static final String GENERIC_EFFORT = "generic-effort";
  public static final String NO_ESCALATION = "no-escalation";
  public static final String NO_FOLLOW_THROUGH = "no-follow-through";
  public static final String VAGUE_OUTCOME = "vague-outcome";
  public static final String SCOPE_BELOW_LEVEL = "scope-below-level";
  public static final String NO_SPECIFICS = "no-specifics";
  public static final String WE_NOT_I = "we-not-i";
  public static final String UNQUANTIFIED_RESULT = "unquantified-result";
  public static final String MISSING_STAR_PART = "missing-star-part";
  public static final String NO_REFLECTION = "no-reflection";

  public static final List<String> FIXED =
      List.of(
          ASSIGNED_SCOPE_ONLY,
          MARTYRDOM,
          GENERIC_EFFORT,
          NO_ESCALATION,
          NO_FOLLOW_THROUGH,
          VAGUE_OUTCOME,
          SCOPE_BELOW_LEVEL,
          NO_SPECIFICS,
          WE_NOT_I,
          UNQUANTIFIED_RESULT,
          MISSING_STAR_PART,
          NO_REFLECTION);

  private PitfallIds() {}
}
