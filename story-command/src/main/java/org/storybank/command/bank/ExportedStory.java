package org.storybank.command.bank;

import java.util.List;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.command.history.StoryState;

/**
 * One story as exports write it and imports read it: the draft body's shape plus {@code id}, {@code
 * confidential} and {@code status}.
 */
record ExportedStory(
    String id,
    String title,
    List<String> principles,
    List<String> prompts,
    String level,
    String situation,
    String task,
    String action,
    String result,
    List<ConfidentialSpan> confidential,
    String status) {

  ExportedStory {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
    confidential = confidential == null ? List.of() : List.copyOf(confidential);
  }

  /** The story as the reader sees it (the author in clear, anyone else redacted). */
  static ExportedStory of(StoryState state) {
    return new ExportedStory(
        state.id(),
        state.title(),
        state.principles(),
        state.prompts().stream().map(prompt -> prompt.text()).toList(),
        state.level(),
        state.situation(),
        state.task(),
        state.action(),
        state.result(),
        state.confidential(),
        state.status());
  }
}
