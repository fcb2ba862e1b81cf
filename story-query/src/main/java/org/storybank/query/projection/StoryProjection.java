package org.storybank.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.Redaction;
import org.storybank.api.story.StarText;
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
import org.storybank.api.story.StoryStatus;
import org.storybank.query.projection.StoryDocument.IndexedPrompt;

/**
 * Turns a story event and the document the index holds now into the document it should hold
 * afterwards. Pure: no I/O, so it is tested as a plain object. An event at or below the document's
 * version was applied already (a replay or a duplicate) and changes nothing; the writer also uses
 * the sequence number as external version, so a late older event never overwrites a newer state.
 *
 * <p>The index is read by coaches' searches and analytics, so it only ever holds a story's text
 * with its confidential spans redacted: the clear text stays in the event store, read by the author
 * through the command side.
 */
public class StoryProjection {

  /** What to write, if anything. */
  public sealed interface Outcome {
    record Write(StoryDocument document) implements Outcome {}

    record AlreadyApplied() implements Outcome {}

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
    StoryDocument doc = current.get();
    StoryDocument changed =
        switch (event) {
          case StoryDrafted drafted -> drafted(drafted, envelope);
          case StoryRevised revised -> {
            StarText shared = Redaction.redact(revised.star(), revised.confidential());
            yield doc.withContent(
                revised.title(),
                revised.level().id(),
                shared.situation(),
                shared.task(),
                shared.action(),
                shared.result(),
                revised.revision());
          }
          case PrincipleTagged tagged ->
              doc.withPrinciples(added(doc.principles(), tagged.principle()));
          case PrincipleUntagged untagged ->
              doc.withPrinciples(
                  doc.principles().stream().filter(p -> !p.equals(untagged.principle())).toList());
          case PromptLinked linked ->
              doc.withPrompts(added(doc.prompts(), indexed(linked.prompt())));
          case PromptUnlinked unlinked ->
              doc.withPrompts(
                  doc.prompts().stream()
                      .filter(prompt -> !prompt.promptId().equals(unlinked.promptId()))
                      .toList());
          case StoryMarkedReady ready -> doc.withStatus(StoryStatus.READY.id());
          case StoryArchived archived -> doc.withStatus(StoryStatus.ARCHIVED.id());
          case StoryRestored restored ->
              doc.withStatus(StoryStatus.of(false, restored.ready()).id());
          case EvaluationRecorded recorded -> withEvaluation(doc, recorded, envelope);
          // comments and self-ratings are not searched; the version still moves, so a replay of
          // them is recognised as applied
          case CommentAdded ignored -> doc;
          case CommentResolved ignored -> doc;
          case StorySelfRated ignored -> doc;
        };
    return new Outcome.Write(changed.at(envelope.sequence(), updatedAt(doc, event, envelope)));
  }

  /** Evaluations and comments do not make a story "recently edited". */
  private static java.time.Instant updatedAt(
      StoryDocument doc, StoryEvent event, EventEnvelope envelope) {
    return switch (event) {
      case EvaluationRecorded e -> doc.updatedAt();
      case CommentAdded c -> doc.updatedAt();
      case CommentResolved c -> doc.updatedAt();
      case StorySelfRated r -> doc.updatedAt();
      default -> envelope.timestamp();
    };
  }

  private static StoryDocument withEvaluation(
      StoryDocument doc, EvaluationRecorded recorded, EventEnvelope envelope) {
    Assessment assessment = Assessment.of(recorded, envelope.timestamp());
    return assessment.automatic()
        ? doc.withEvaluations(assessment, doc.latestCoach())
        : doc.withEvaluations(doc.latestAutomatic(), assessment);
  }

  private static StoryDocument drafted(StoryDrafted event, EventEnvelope envelope) {
    StarText shared = Redaction.redact(event.star(), event.confidential());
    return new StoryDocument(
        event.storyId(),
        event.authorId(),
        event.cohortId(),
        event.title(),
        event.principles(),
        event.prompts().stream().map(StoryProjection::indexed).toList(),
        event.level().id(),
        shared.situation(),
        shared.task(),
        shared.action(),
        shared.result(),
        StoryStatus.DRAFT.id(),
        envelope.sequence(),
        1,
        envelope.timestamp(),
        envelope.timestamp(),
        null,
        null,
        null);
  }

  private static IndexedPrompt indexed(PromptLink prompt) {
    return new IndexedPrompt(prompt.promptId(), prompt.text(), prompt.angle());
  }

  private static <T> List<T> added(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }
}
