package org.storybank.evaluation.analysis;

import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** The action is told as "we" or "the team", so the candidate's own part is unclear. */
final class WeNotIDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.WE_NOT_I;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    Agency agency = story.agency();
    boolean mostlyWe = agency.collective() >= 2 && agency.firstPerson() * 2 < agency.collective();
    boolean onlyWe = agency.firstPerson() == 0 && agency.collective() >= 1;
    if (!mostlyWe && !onlyWe) {
      return Optional.empty();
    }
    String quotes = story.quotes(agency.collectiveHits(), 2);
    String mine =
        agency.firstPerson() == 0
            ? " No sentence of the action says what you did yourself."
            : " Only "
                + agency.firstPerson()
                + " mention(s) of your own actions against "
                + agency.collective()
                + " of the team's.";
    return Optional.of(quotes + mine);
  }
}
