package org.storybank.api.story;

/** Everything a caller can ask the Story aggregate to do. */
public sealed interface StoryCommand permits DraftStory {

  String storyId();
}
