package org.storybank.api.story;

import org.storybank.api.story.StoryEvents.CommentAdded;
import org.storybank.api.story.StoryEvents.CommentResolved;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.PrincipleUntagged;
import org.storybank.api.story.StoryEvents.PromptLinked;
import org.storybank.api.story.StoryEvents.PromptUnlinked;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryMarkedReady;
import org.storybank.api.story.StoryEvents.StoryRestored;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.api.story.StoryEvents.StorySelfRated;

/** Everything that has happened to a story. Each event is one entry in the story's event stream. */
public sealed interface StoryEvent
    permits StoryDrafted,
        StoryRevised,
        StoryMarkedReady,
        PrincipleTagged,
        PrincipleUntagged,
        PromptLinked,
        PromptUnlinked,
        StoryArchived,
        StoryRestored,
        CommentAdded,
        CommentResolved,
        EvaluationRecorded,
        StorySelfRated {

  String storyId();
}
