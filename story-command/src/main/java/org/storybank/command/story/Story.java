package org.storybank.command.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.eventsourcing.conflictresolution.Conflicts;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.Redaction;
import org.storybank.api.story.StarText;
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
import org.storybank.api.story.StoryDrafted;
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
import org.storybank.api.story.StoryLimits;

/**
 * One STAR story in a candidate's bank. Command handlers check the rules and who may act, then
 * apply events; only the event sourcing handlers change state. Every handler answers the story's
 * version afterwards (the sequence number of its last event), which writers send back as If-Match.
 */
@Aggregate(snapshotTriggerDefinition = "storySnapshotTrigger", cache = "storyCache")
public class Story {

  @AggregateIdentifier private String storyId;
  private String authorId;
  private String cohortAtDraft;
  private long version;
  private int revision;
  private boolean ready;
  private boolean archived;
  private String title;
  private Level level;
  private StarText star;
  private final Set<String> principles = new LinkedHashSet<>();
  private final Map<String, PromptLink> prompts = new LinkedHashMap<>();
  private final Map<String, Boolean> commentResolved = new HashMap<>();
  private final Set<String> evaluationIds = new HashSet<>();
  private final Set<String> automaticEvaluations = new HashSet<>();
  private List<ConfidentialSpan> confidential = List.of();
  // the clear text under each revision's spans, to redact evaluations that quote it
  private final Map<Integer, List<String>> secretsByRevision = new HashMap<>();

  protected Story() {
    // for Axon: rebuilt from its events
  }

  @CommandHandler
  public Story(DraftStory command) {
    StoryRules.requireId("storyId", command.storyId());
    if (command.actor() == null
        || command.actor().role() != org.storybank.api.story.Actor.ActorRole.CANDIDATE) {
      throw new StoryActionForbidden("only candidates keep a story bank");
    }
    StoryRules.requireId("authorId", command.actor().userId());
    StoryRules.requireTitle(command.title());
    StoryRules.requireLevel(command.level());
    StoryRules.requirePrinciples(command.principles());
    StoryRules.requirePrompts(command.prompts());
    StoryRules.requireStarWithinLimits(command.star());
    StoryRules.requireConfidential(command.star(), command.confidential());
    apply(
        new StoryDrafted(
            command.storyId(),
            command.actor().userId(),
            command.cohortId(),
            command.title().strip(),
            command.principles(),
            command.prompts().stream()
                .map(p -> new PromptLink(p.promptId(), p.text().strip(), p.angle().strip()))
                .toList(),
            command.level(),
            command.star(),
            command.confidential()));
  }

  /**
   * Answers the version and a warning for each confidential span dropped because its text was
   * deleted.
   */
  @CommandHandler
  RevisionOutcome handle(
      ReviseStory command, CohortMembership membership, ConflictResolver conflicts) {
    access(membership).requireAuthor(command.actor());
    requireNotArchived();
    StoryRules.requireTitle(command.title());
    StoryRules.requireLevel(command.level());
    StoryRules.requireStarWithinLimits(command.star());
    if (ready) {
      StoryRules.requireCompleteStar(command.star());
    }
    if (command.principles() != null) {
      StoryRules.requirePrinciples(command.principles());
      if (ready && command.principles().isEmpty()) {
        throw new StoryRuleViolation("principles", "a ready story keeps at least one principle");
      }
    }
    List<PromptLink> newPrompts =
        command.prompts() == null ? null : reconcilePrompts(command.prompts());
    if (newPrompts != null) {
      StoryRules.requirePrompts(newPrompts);
    }
    SpanCarry.Carried spans =
        command.confidential() != null
            ? new SpanCarry.Carried(command.confidential(), List.of())
            : SpanCarry.carry(star, command.star(), confidential);
    StoryRules.requireConfidential(command.star(), spans.spans());
    // Only a change the writer did not see conflicts with their edit; an evaluation or a comment
    // recorded meanwhile does not.
    conflicts.detectConflicts(Conflicts.payloadMatching(Story::changesWhatAWriterSees));
    String actorId = command.actor().userId();
    String newTitle = command.title().strip();
    if (!newTitle.equals(title)
        || command.level() != level
        || !command.star().equals(star)
        || !spans.spans().equals(confidential)) {
      apply(
          new StoryRevised(
              storyId,
              actorId,
              revision + 1,
              newTitle,
              command.level(),
              command.star(),
              spans.spans()));
    }
    if (command.principles() != null) {
      principles.stream()
          .filter(principle -> !command.principles().contains(principle))
          .toList()
          .forEach(principle -> apply(new PrincipleUntagged(storyId, actorId, principle)));
      command.principles().stream()
          .filter(principle -> !principles.contains(principle))
          .forEach(principle -> apply(new PrincipleTagged(storyId, actorId, principle)));
    }
    if (newPrompts != null) {
      prompts.keySet().stream()
          .filter(id -> newPrompts.stream().noneMatch(prompt -> prompt.promptId().equals(id)))
          .toList()
          .forEach(id -> apply(new PromptUnlinked(storyId, actorId, id)));
      newPrompts.stream()
          .filter(prompt -> !prompts.containsKey(prompt.promptId()))
          .forEach(prompt -> apply(new PromptLinked(storyId, actorId, prompt)));
    }
    return new RevisionOutcome(version, spans.warnings());
  }

  /** The prompts as the writer listed them, keeping the id and angle of those already linked. */
  private List<PromptLink> reconcilePrompts(List<String> texts) {
    List<PromptLink> reconciled = new ArrayList<>();
    for (String text : texts) {
      String stripped = text == null ? "" : text.strip();
      reconciled.add(
          prompts.values().stream()
              .filter(existing -> existing.text().equals(stripped))
              .findFirst()
              .orElseGet(() -> new PromptLink(UUID.randomUUID().toString(), stripped, "")));
    }
    return reconciled;
  }

  @CommandHandler
  long handle(MarkStoryReady command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    requireNotArchived();
    StoryRules.requireCompleteStar(star);
    if (principles.isEmpty()) {
      throw new StoryRuleViolation(
          "principles", "a ready story is tagged with at least one principle");
    }
    if (!ready) {
      apply(new StoryMarkedReady(storyId, command.actor().userId()));
    }
    return version;
  }

  @CommandHandler
  long handle(TagPrinciple command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    requireNotArchived();
    StoryRules.requireKnownPrinciple(command.principle());
    if (!principles.contains(command.principle())) {
      if (principles.size() >= StoryLimits.MAX_PRINCIPLES) {
        throw new StoryRuleViolation(
            "principles", "at most " + StoryLimits.MAX_PRINCIPLES + " principles");
      }
      apply(new PrincipleTagged(storyId, command.actor().userId(), command.principle()));
    }
    return version;
  }

  @CommandHandler
  long handle(UntagPrinciple command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    requireNotArchived();
    if (principles.contains(command.principle())) {
      if (ready && principles.size() == 1) {
        throw new StoryRuleViolation(
            "principles", "a ready story keeps at least one principle; tag another first");
      }
      apply(new PrincipleUntagged(storyId, command.actor().userId(), command.principle()));
    }
    return version;
  }

  @CommandHandler
  long handle(LinkPrompt command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    requireNotArchived();
    StoryRules.requirePrompt(command.prompt());
    if (prompts.containsKey(command.prompt().promptId())) {
      throw new StoryRuleViolation("promptId", "already linked; unlink it first");
    }
    if (prompts.size() >= StoryLimits.MAX_PROMPTS) {
      throw new StoryRuleViolation("prompts", "at most " + StoryLimits.MAX_PROMPTS + " prompts");
    }
    PromptLink prompt = command.prompt();
    apply(
        new PromptLinked(
            storyId,
            command.actor().userId(),
            new PromptLink(prompt.promptId(), prompt.text().strip(), prompt.angle().strip())));
    return version;
  }

  @CommandHandler
  long handle(UnlinkPrompt command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    requireNotArchived();
    if (!prompts.containsKey(command.promptId())) {
      throw new StoryRuleViolation(
          "promptId", "no prompt " + command.promptId() + " on this story");
    }
    apply(new PromptUnlinked(storyId, command.actor().userId(), command.promptId()));
    return version;
  }

  @CommandHandler
  long handle(ArchiveStory command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    if (!archived) {
      apply(new StoryArchived(storyId, command.actor().userId()));
    }
    return version;
  }

  @CommandHandler
  long handle(RestoreStory command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    if (archived) {
      apply(new StoryRestored(storyId, command.actor().userId(), ready));
    }
    return version;
  }

  @CommandHandler
  long handle(AddComment command, CohortMembership membership) {
    access(membership).requireCoach(command.actor());
    requireNotArchived();
    StoryRules.requireId("commentId", command.commentId());
    if (commentResolved.containsKey(command.commentId())) {
      throw new StoryRuleViolation("commentId", "already used on this story");
    }
    StoryRules.requireCommentRange(star, command.field(), command.start(), command.end());
    StoryRules.requireCommentText(command.text());
    apply(
        new CommentAdded(
            storyId,
            command.actor().userId(),
            command.commentId(),
            revision,
            command.field(),
            command.start(),
            command.end(),
            command.text().strip()));
    return version;
  }

  @CommandHandler
  long handle(ResolveComment command, CohortMembership membership) {
    access(membership).requireAuthorOrCoach(command.actor());
    Boolean resolved = commentResolved.get(command.commentId());
    if (resolved == null) {
      throw new StoryRuleViolation(
          "commentId", "no comment " + command.commentId() + " on this story");
    }
    if (!resolved) {
      apply(new CommentResolved(storyId, command.actor().userId(), command.commentId()));
    }
    return version;
  }

  @CommandHandler
  long handle(RecordEvaluation command, CohortMembership membership, RubricTerms rubric) {
    access(membership).requireEvaluator(command.actor(), command.evaluator());
    StoryRules.requireId("evaluationId", command.evaluationId());
    StoryRules.requireEvaluation(command.result(), command.revision(), revision);
    if (command.evaluator().kind() == Evaluator.Kind.COACH) {
      // the automatic evaluation speaks the catalog it was made with (its rubricVersion)
      rubric.requireKnown(command.result(), principles);
    }
    if (evaluationIds.contains(command.evaluationId())) {
      return version;
    }
    if (command.evaluator().kind() == Evaluator.Kind.AUTOMATIC
        && automaticEvaluations.contains(
            automaticKey(command.revision(), command.result().rubricVersion()))) {
      return version;
    }
    EvaluationResult redacted =
        Redaction.redact(
            command.result(), secretsByRevision.getOrDefault(command.revision(), List.of()));
    apply(
        new EvaluationRecorded(
            storyId,
            command.actor().userId(),
            command.evaluationId(),
            command.evaluator(),
            command.revision(),
            command.result(),
            command.result().equals(redacted) ? null : redacted));
    return version;
  }

  @CommandHandler
  long handle(RateStory command, CohortMembership membership) {
    access(membership).requireAuthor(command.actor());
    StoryRules.requireRating(command.rating());
    apply(new StorySelfRated(storyId, command.actor().userId(), command.rating()));
    return version;
  }

  static boolean changesWhatAWriterSees(Object event) {
    return event instanceof StoryRevised
        || event instanceof PrincipleTagged
        || event instanceof PrincipleUntagged
        || event instanceof PromptLinked
        || event instanceof PromptUnlinked
        || event instanceof StoryMarkedReady
        || event instanceof StoryArchived
        || event instanceof StoryRestored;
  }

  /** Who may do what, with the author's cohort as it is now. */
  private StoryAccess access(CohortMembership membership) {
    return new StoryAccess(
        storyId, authorId, membership.cohortOf(authorId, cohortAtDraft).orElse(null));
  }

  private void requireNotArchived() {
    if (archived) {
      throw new StoryStateConflict("the story is archived; restore it first");
    }
  }

  private static String automaticKey(int revision, String rubricVersion) {
    return revision + "|" + rubricVersion;
  }

  @EventSourcingHandler
  void on(StoryDrafted event, @SequenceNumber long sequence) {
    storyId = event.storyId();
    authorId = event.authorId();
    cohortAtDraft = event.cohortId();
    revision = 1;
    title = event.title();
    level = event.level();
    star = event.star();
    confidential = event.confidential();
    secretsByRevision.put(1, Redaction.secrets(star, confidential));
    principles.addAll(event.principles());
    event.prompts().forEach(prompt -> prompts.put(prompt.promptId(), prompt));
    version = sequence;
  }

  @EventSourcingHandler
  void on(StoryRevised event, @SequenceNumber long sequence) {
    revision = event.revision();
    title = event.title();
    level = event.level();
    star = event.star();
    confidential = event.confidential();
    secretsByRevision.put(revision, Redaction.secrets(star, confidential));
    version = sequence;
  }

  @EventSourcingHandler
  void on(StoryMarkedReady event, @SequenceNumber long sequence) {
    ready = true;
    version = sequence;
  }

  @EventSourcingHandler
  void on(PrincipleTagged event, @SequenceNumber long sequence) {
    principles.add(event.principle());
    version = sequence;
  }

  @EventSourcingHandler
  void on(PrincipleUntagged event, @SequenceNumber long sequence) {
    principles.remove(event.principle());
    version = sequence;
  }

  @EventSourcingHandler
  void on(PromptLinked event, @SequenceNumber long sequence) {
    prompts.put(event.prompt().promptId(), event.prompt());
    version = sequence;
  }

  @EventSourcingHandler
  void on(PromptUnlinked event, @SequenceNumber long sequence) {
    prompts.remove(event.promptId());
    version = sequence;
  }

  @EventSourcingHandler
  void on(StoryArchived event, @SequenceNumber long sequence) {
    archived = true;
    version = sequence;
  }

  @EventSourcingHandler
  void on(StoryRestored event, @SequenceNumber long sequence) {
    archived = false;
    version = sequence;
  }

  @EventSourcingHandler
  void on(CommentAdded event, @SequenceNumber long sequence) {
    commentResolved.put(event.commentId(), false);
    version = sequence;
  }

  @EventSourcingHandler
  void on(CommentResolved event, @SequenceNumber long sequence) {
    commentResolved.put(event.commentId(), true);
    version = sequence;
  }

  @EventSourcingHandler
  void on(EvaluationRecorded event, @SequenceNumber long sequence) {
    evaluationIds.add(event.evaluationId());
    if (event.evaluator().kind() == Evaluator.Kind.AUTOMATIC) {
      automaticEvaluations.add(automaticKey(event.revision(), event.result().rubricVersion()));
    }
    version = sequence;
  }

  @EventSourcingHandler
  void on(StorySelfRated event, @SequenceNumber long sequence) {
    version = sequence;
  }

  @Override
  public String toString() {
    return "Story[" + storyId + " v" + version + " r" + revision + "]";
  }
}
