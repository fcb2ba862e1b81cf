package org.storybank.evaluation.analysis;

import java.util.Optional;
import org.storybank.api.Level;
import org.storybank.rubric.PitfallIds;

/** At senior or staff, the story's reach stays below what the level expects. */
final class ScopeBelowLevelDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.SCOPE_BELOW_LEVEL;
  }

  static int expectedScope(Level level) {
    return switch (level) {
      case ENTRY, MID -> ScopeReading.OWN_TASK;
      case SENIOR -> ScopeReading.SEVERAL_TEAMS;
      case STAFF -> ScopeReading.ORGANISATION;
    };
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    ScopeReading scope = story.scope();
    Level level = story.level();
    if (scope.level() >= expectedScope(level)) {
      return Optional.empty();
    }
    String reach =
        switch (scope.level()) {
          case ScopeReading.OWN_TASK -> "your own task";
          case ScopeReading.TEAM -> "your own team";
          default -> "a few teams (" + String.join(", ", scope.evidence()) + ")";
        };
    String expected =
        level == Level.STAFF
            ? "a change at the level of the organisation: policies, standards or platforms many"
                + " teams adopt, decisions taken with executives"
            : "reach beyond your own team: other teams aligned, a process or standard changed,"
                + " something others adopted";
    return Optional.of(
        "At "
            + level.id()
            + " the story stays within "
            + reach
            + "; the level expects "
            + expected
            + ".");
  }
}
