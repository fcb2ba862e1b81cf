package org.storybank.command.story;

import java.util.List;

/** What a revision answers: the story's version afterwards, and anything the author should know. */
public record RevisionOutcome(long version, List<String> warnings) {

  public RevisionOutcome {
    warnings = List.copyOf(warnings);
  }
}
