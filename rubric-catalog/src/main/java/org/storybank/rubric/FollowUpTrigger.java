package org.storybank.rubric;

import java.util.List;

/**
 * When a follow-up question is worth asking: a pitfall id the story shows, one of the gaps below,
 * or {@link #ALWAYS}.
 */
public final class FollowUpTrigger {

  public static final String ALWAYS = "always";
  public static final String NO_COST = "no-cost";
  public static final String NO_TRIGGER = "no-trigger";
  public static final String NO_MANAGER = "no-manager";
  public static final String NO_ALTERNATIVES = "no-alternatives";
  public static final String NO_CUSTOMER = "no-customer";
  public static final String NO_DATA = "no-data";

  public static final List<String> GAPS =
      List.of(NO_COST, NO_TRIGGER, NO_MANAGER, NO_ALTERNATIVES, NO_CUSTOMER, NO_DATA);

  private FollowUpTrigger() {}

  public static boolean isKnown(String when) {
    return ALWAYS.equals(when) || GAPS.contains(when) || PitfallIds.FIXED.contains(when);
  }
}
