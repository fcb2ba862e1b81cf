package org.storybank.api.story;

import org.storybank.api.story.StoryCommands.AddComment;
import org.storybank.api.story.StoryCommands.ArchiveStory;
import org.storybank.api.story.StoryCommands.LinkPrompt;
import org.storybank.api.story.StoryCommands.MarkStoryReady;
import org.storybank.api.story.StoryCommands.RateStory;
import org.storybank.api.story.StoryCommands.RecordEvaluation;
import org.storybank.api.story.StoryCommands.ResolveComment;
import org.storybank.api.story.StoryCommands.RestoreStory;
import org.storybank.api.story.StoryCommands.ReviseStory;
import org.storybank.api.story.StoryCommands.TagPrinciple;
import org.storybank.api.story.StoryCommands.UnlinkPrompt;
import org.storybank.api.story.StoryCommands.UntagPrinciple;

/** Everything a caller can ask the Story aggregate to do. */
public sealed interface StoryCommand
    permits DraftStory,
        ReviseStory,
        MarkStoryReady,
        TagPrinciple,
        UntagPrinciple,
        LinkPrompt,
        UnlinkPrompt,
        ArchiveStory,
        RestoreStory,
        AddComment,
        ResolveComment,
        RecordEvaluation,
        RateStory {

  String storyId();

  Actor actor();
}
