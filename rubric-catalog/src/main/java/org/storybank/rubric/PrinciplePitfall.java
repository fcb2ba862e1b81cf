package org.storybank.rubric;

import java.util.List;

/**
 * A pitfall as it applies to one principle: one of the twelve fixed pitfalls (with the severity and
 * note this principle gives it) or a pitfall of this principle only, recognised by its phrases.
 */
public record PrinciplePitfall(
    String id,
    String name,
    String description,
    String advice,
    Severity severity,
    String note,
    List<String> phrases) {

  public PrinciplePitfall {
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
  }

  public boolean isFixed() {
    return PitfallIds.FIXED.contains(id);
  }
}
