package org.storybank.evaluation.analysis;

import java.util.Optional;

/** Recognises one pitfall in a story and says what shows it, or what is missing. */
interface PitfallDetector {

  String pitfallId();

  /** The evidence for the pitfall, or empty when the story does not show it. */
  Optional<String> detect(StoryReading story);
}
