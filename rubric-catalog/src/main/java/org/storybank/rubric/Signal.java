package org.storybank.rubric;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What the analyser measures in a story, each as a strength from 0 to 1. Criteria in the catalog
 * are weighted mixes of these.
 */
public enum Signal {
  /** The candidate's own actions, told in the first person. */
  AGENCY("agency"),
  /** Stepping beyond assigned work: noticing, volunteering, owning what nobody owned. */
  INITIATIVE("initiative"),
  /** Reach of the work: own task, team, several teams, organisation. */
  SCOPE("scope"),
  /** Concrete detail: obstacles, numbers, named systems, concrete actions. */
  SPECIFICS("specifics"),
  /** Options weighed, decisions and trade-offs made explicit. */
  JUDGEMENT("judgement"),
  /** Raising what went wrong or what exceeded one's authority, to the right people. */
  ESCALATION("escalation"),
  /** Ownership after the launch or fix: monitoring, handover, prevention. */
  FOLLOW_THROUGH("follow-through"),
  /** A lesson, a trade-off named, what one would do differently. */
  REFLECTION("reflection"),
  /** A specific, preferably measured, outcome. */
  OUTCOME("outcome"),
  /** Vocabulary of the principle itself (customers, data, cost, people…). */
  PRINCIPLE_FIT("principle-fit");

  private final String id;

  Signal(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  public static Signal fromId(String id) {
    return Arrays.stream(values())
        .filter(signal -> signal.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown signal '" + id + "'"));
  }
}
