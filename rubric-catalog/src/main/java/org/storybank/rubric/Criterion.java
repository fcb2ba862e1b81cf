package org.storybank.rubric;

import java.util.Map;

/**
 * One thing an interviewer scores, from 1 (absent) to 4 (exemplary), with what each score looks
 * like. {@code signals} says which measured signals feed it and with what weight.
 */
public record Criterion(
    String id, String name, Map<Signal, Double> signals, Map<Integer, String> descriptors) {

  public Criterion {
    signals = Map.copyOf(signals);
    descriptors = Map.copyOf(descriptors);
  }
}
