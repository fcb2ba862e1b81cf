package org.storybank.command.drill;

import java.util.OptionalInt;

/** The candidate's own stories, as a drill answered with one needs them. */
public interface CandidateStories {

  /**
   * The current revision of the story when it is the candidate's own and not archived; empty for
   * anyone else's story and for an id that does not exist, alike.
   */
  OptionalInt currentRevision(String storyId, String candidateId);
}
