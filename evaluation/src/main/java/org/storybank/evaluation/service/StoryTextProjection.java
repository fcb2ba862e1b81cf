package org.storybank.evaluation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.PrincipleUntagged;
import org.storybank.api.story.StoryEvents.PromptLinked;
import org.storybank.api.story.StoryEvents.PromptUnlinked;
import org.storybank.api.story.StoryEvents.StoryRevised;

/**
 * Folds story events into the evaluator's copy of the story. Pure, like the search projection: an
 * event at or below the copy's version changes nothing; events that do not touch what the evaluator
 * reads leave the copy as it is.
 */
final class StoryTextProjection {

  private StoryTextProjection() {}

  static Optional<StoryText> apply(Optional<StoryText> current, StoryEvent event, long sequence) {
    if (current.isPresent() && sequence <= current.get().version()) {
      return Optional.empty();
    }
    if (event instanceof StoryDrafted drafted) {
      return Optional.of(
          new StoryText(
              drafted.storyId(),
              drafted.authorId(),
              drafted.cohortId(),
              sequence,
              1,
              drafted.level().id(),
              drafted.principles(),
              drafted.prompts().stream()
                  .map(prompt -> new StoryText.Prompt(prompt.promptId(), prompt.text()))
                  .toList(),
              drafted.star().situation(),
              drafted.star().task(),
              drafted.star().action(),
              drafted.star().result(),
              null,
              null));
    }
    if (current.isEmpty()) {
      return Optional.empty();
    }
    StoryText story = current.get();
    return switch (event) {
      case StoryRevised revised ->
          Optional.of(
              new StoryText(
                  story.storyId(),
                  story.authorId(),
                  story.cohortId(),
                  sequence,
                  revised.revision(),
                  revised.level().id(),
                  story.principles(),
                  story.prompts(),
                  revised.star().situation(),
                  revised.star().task(),
                  revised.star().action(),
                  revised.star().result(),
                  story.evaluatedRevision(),
                  story.evaluatedRubric()));
      case PrincipleTagged tagged ->
          Optional.of(
              withPrinciples(story, sequence, added(story.principles(), tagged.principle())));
      case PrincipleUntagged untagged ->
          Optional.of(
              withPrinciples(
                  story,
                  sequence,
                  story.principles().stream()
                      .filter(p -> !p.equals(untagged.principle()))
                      .toList()));
      case PromptLinked linked ->
          Optional.of(
              withPrompts(
                  story,
                  sequence,
                  added(
                      story.prompts(),
                      new StoryText.Prompt(linked.prompt().promptId(), linked.prompt().text()))));
      case PromptUnlinked unlinked ->
          Optional.of(
              withPrompts(
                  story,
                  sequence,
                  story.prompts().stream()
                      .filter(p -> !p.promptId().equals(unlinked.promptId()))
                      .toList()));
      default -> Optional.empty();
    };
  }

  private static <T> List<T> added(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static StoryText withPrinciples(StoryText story, long sequence, List<String> principles) {
    return new StoryText(
        story.storyId(),
        story.authorId(),
        story.cohortId(),
        sequence,
        story.revision(),
        story.level(),
        principles,
        story.prompts(),
        story.situation(),
        story.task(),
        story.action(),
        story.result(),
        story.evaluatedRevision(),
        story.evaluatedRubric());
  }

  private static StoryText withPrompts(
      StoryText story, long sequence, List<StoryText.Prompt> prompts) {
    return new StoryText(
        story.storyId(),
        story.authorId(),
        story.cohortId(),
        sequence,
        story.revision(),
        story.level(),
        story.principles(),
        prompts,
        story.situation(),
        story.task(),
        story.action(),
        story.result(),
        story.evaluatedRevision(),
        story.evaluatedRubric());
  }
}
