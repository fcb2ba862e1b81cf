package org.storybank.api.story;

/** Everything that has happened to a story. Each event is one entry in the story's event stream. */
public sealed interface StoryEvent permits StoryDrafted {

  String storyId();
}
