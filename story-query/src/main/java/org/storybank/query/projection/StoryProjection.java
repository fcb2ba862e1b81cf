package org.storybank.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
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
import org.storybank.query.projection.StoryDocument.IndexedPrompt;

/**
 * Turns a story event and the document the index holds now into the document it should hold
 * afterwards. Pure: no I/O, so it is tested as a plain object. An event at or below the document's
 * version was applied already (a replay or a duplicate) and changes nothing; the writer also uses
 * the sequence number as external version, so a late older event never overwrites a newer state.
 */
public class StoryProjection {

  /** What to write, if anything. */
  public sealed interface Outcome {
    record Write(StoryDocument document) implements Outcome {}

    record AlreadyApplied() implements Outcome {}

    record NothingIndexed() implements Outcome {}

    /** The story's first event never reached the index, so this one has nothing to change. */
    record MissingStory() implements Outcome {}
  }

  public Outcome apply(Optional<StoryDocument> current, StoryEvent event, EventEnvelope envelope) {
    if (current.isPresent() && envelope.sequence() <= current.get().version()) {
      return new Outcome.AlreadyApplied();
    }
    if (event instanceof StoryDrafted drafted) {
      return new Outcome.Write(drafted(drafted, envelope));
    }
    if (current.isEmpty()) {
      return new Outcome.MissingStory();
    }
    StoryDocument before = current.get();
    return switch (event) {
      case StoryDrafted drafted -> new Outcome.Write(drafted(drafted, envelope));
      case StoryRevised revised ->
          write(
              before,
              envelope,
              doc ->
                  copy(
                      doc,
                      revised.title(),
                      doc.principles(),
                      doc.prompts(),
                      revised.level().id(),
                      revised.star().situation(),
                      revised.star().task(),
                      revised.star().action(),
                      revised.star().result(),
                      doc.status(),
                      revised.revision()));
      case PrincipleTagged tagged ->
          write(
              before,
              envelope,
              doc -> withPrinciples(doc, added(doc.principles(), tagged.principle())));
      case PrincipleUntagged untagged ->
          write(
              before,
              envelope,
              doc ->
                  withPrinciples(
                      doc,
                      doc.principles().stream()
                          .filter(p -> !p.equals(untagged.principle()))
                          .toList()));
      case PromptLinked linked ->
          write(
              before,
              envelope,
              doc -> withPrompts(doc, added(doc.prompts(), indexed(linked.prompt()))));
      case PromptUnlinked unlinked ->
          write(
              before,
              envelope,
              doc ->
                  withPrompts(
                      doc,
                      doc.prompts().stream()
                          .filter(prompt -> !prompt.promptId().equals(unlinked.promptId()))
                          .toList()));
      case StoryMarkedReady ready -> write(before, envelope, doc -> withStatus(doc, "ready"));
      case StoryArchived archived -> write(before, envelope, doc -> withStatus(doc, "archived"));
      case StoryRestored restored -> write(before, envelope, doc -> withStatus(doc, "draft"));
      case CommentAdded ignored -> new Outcome.NothingIndexed();
      case CommentResolved ignored -> new Outcome.NothingIndexed();
      case EvaluationRecorded ignored -> new Outcome.NothingIndexed();
      case StorySelfRated ignored -> new Outcome.NothingIndexed();
    };
  }

  private static Outcome write(
      StoryDocument before, EventEnvelope envelope, UnaryOperator<StoryDocument> change) {
    StoryDocument changed = change.apply(before);
    return new Outcome.Write(
        new StoryDocument(
            changed.storyId(),
            changed.authorId(),
            changed.cohortId(),
            changed.title(),
            changed.principles(),
            changed.prompts(),
            changed.level(),
            changed.situation(),
            changed.task(),
            changed.action(),
            changed.result(),
            changed.status(),
            envelope.sequence(),
            changed.revision(),
            changed.createdAt(),
            envelope.timestamp()));
  }

  private static StoryDocument drafted(StoryDrafted event, EventEnvelope envelope) {
    return new StoryDocument(
        event.storyId(),
        event.authorId(),
        event.cohortId(),
        event.title(),
        event.principles(),
        event.prompts().stream().map(StoryProjection::indexed).toList(),
        event.level().id(),
        event.star().situation(),
        event.star().task(),
        event.star().action(),
        event.star().result(),
        "draft",
        envelope.sequence(),
        1,
        envelope.timestamp(),
        envelope.timestamp());
  }

  private static IndexedPrompt indexed(PromptLink prompt) {
    return new IndexedPrompt(prompt.promptId(), prompt.text(), prompt.angle());
  }

  private static <T> List<T> added(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static StoryDocument withPrinciples(StoryDocument doc, List<String> principles) {
    return copy(
        doc,
        doc.title(),
        principles,
        doc.prompts(),
        doc.level(),
        doc.situation(),
        doc.task(),
        doc.action(),
        doc.result(),
        doc.status(),
        doc.revision());
  }

  private static StoryDocument withPrompts(StoryDocument doc, List<IndexedPrompt> prompts) {
    return copy(
        doc,
        doc.title(),
        doc.principles(),
        prompts,
        doc.level(),
        doc.situation(),
        doc.task(),
        doc.action(),
        doc.result(),
        doc.status(),
        doc.revision());
  }

  private static StoryDocument withStatus(StoryDocument doc, String status) {
    return copy(
        doc,
        doc.title(),
        doc.principles(),
        doc.prompts(),
        doc.level(),
        doc.situation(),
        doc.task(),
        doc.action(),
        doc.result(),
        status,
        doc.revision());
  }

  private static StoryDocument copy(
      StoryDocument doc,
      String title,
      List<String> principles,
      List<IndexedPrompt> prompts,
      String level,
      String situation,
      String task,
      String action,
      String result,
      String status,
      int revision) {
    return new StoryDocument(
        doc.storyId(),
        doc.authorId(),
        doc.cohortId(),
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        doc.version(),
        revision,
        doc.createdAt(),
        doc.updatedAt());
  }
}
