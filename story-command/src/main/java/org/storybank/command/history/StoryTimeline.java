package org.storybank.command.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.story.ConfidentialSpan;
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
import org.storybank.command.story.CohortMembership;
import org.storybank.command.story.StoryAccess;

/**
 * A story's whole event stream folded into what readers ask for: the story now or at any revision,
 * every step with who and when, every evaluation. Plain Java over the events, oldest first.
 */
public final class StoryTimeline {

  /** One event with what the event store knows about it. */
  public record Step(StoryEvent event, long sequence, Instant at) {}

  private final List<Step> steps;
  private final StoryDrafted drafted;

  private StoryTimeline(List<Step> steps) {
    if (steps.isEmpty() || !(steps.get(0).event() instanceof StoryDrafted drafted)) {
      throw new IllegalArgumentException("a story's history starts with StoryDrafted");
    }
    this.steps = List.copyOf(steps);
    this.drafted = drafted;
  }

  public static StoryTimeline of(List<Step> steps) {
    return new StoryTimeline(steps);
  }

  /** Who may read the story, with the author's cohort as it is now. */
  public StoryAccess access(CohortMembership membership) {
    return new StoryAccess(
        drafted.storyId(),
        drafted.authorId(),
        membership.cohortOf(drafted.authorId(), drafted.cohortId()).orElse(null));
  }

  /**
   * The same history as anyone but the author reads it: every revision's confidential spans
   * replaced by the marker (and no ranges), every evaluation as recorded for sharing.
   */
  public StoryTimeline redacted() {
    List<Step> redacted = new ArrayList<>();
    List<ConfidentialSpan> spans = List.of();
    for (Step step : steps) {
      if (step.event() instanceof StoryDrafted drafted) {
        spans = drafted.confidential();
      } else if (step.event() instanceof StoryRevised revised) {
        spans = revised.confidential();
      }
      redacted.add(new Step(redacted(step.event(), spans), step.sequence(), step.at()));
    }
    return new StoryTimeline(redacted);
  }

  /** {@code spans}: those of the revision the event belongs to. */
  private static StoryEvent redacted(StoryEvent event, List<ConfidentialSpan> spans) {
    return switch (event) {
      // a comment's range points into the text as its reader sees it
      case CommentAdded c ->
          new CommentAdded(
              c.storyId(),
              c.actorId(),
              c.commentId(),
              c.revision(),
              c.field(),
              Redaction.toRedacted(c.start(), c.field(), spans, false),
              Redaction.toRedacted(c.end(), c.field(), spans, true),
              c.text());
      case StoryDrafted d ->
          new StoryDrafted(
              d.storyId(),
              d.authorId(),
              d.cohortId(),
              d.title(),
              d.principles(),
              d.prompts(),
              d.level(),
              Redaction.redact(d.star(), d.confidential()));
      case StoryRevised r ->
          new StoryRevised(
              r.storyId(),
              r.actorId(),
              r.revision(),
              r.title(),
              r.level(),
              Redaction.redact(r.star(), r.confidential()));
      case EvaluationRecorded e ->
          new EvaluationRecorded(
              e.storyId(), e.actorId(), e.evaluationId(), e.evaluator(), e.revision(), e.shared());
      default -> event;
    };
  }

  public StoryState current() {
    return replay(steps.size());
  }

  public int latestRevision() {
    return current().revision();
  }

  /** The story as it stood while revision {@code revision} was the latest; empty if none such. */
  public Optional<StoryState> atRevision(int revision) {
    if (revision < 1) {
      return Optional.empty();
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).event() instanceof StoryRevised revised
          && revised.revision() == revision + 1) {
        return Optional.of(replay(i));
      }
    }
    StoryState current = current();
    return current.revision() == revision ? Optional.of(current) : Optional.empty();
  }

  public List<HistoryEntry> history() {
    List<HistoryEntry> entries = new ArrayList<>();
    int revision = 0;
    for (Step step : steps) {
      if (step.event() instanceof StoryDrafted) {
        revision = 1;
      } else if (step.event() instanceof StoryRevised revised) {
        revision = revised.revision();
      }
      entries.add(
          new HistoryEntry(
              step.sequence(),
              step.event().getClass().getSimpleName(),
              actorOf(step.event()),
              step.at(),
              revision,
              step.event()));
    }
    return entries;
  }

  public List<EvaluationEntry> evaluations() {
    return steps.stream()
        .filter(step -> step.event() instanceof EvaluationRecorded)
        .map(step -> evaluationEntry((EvaluationRecorded) step.event(), step.at()))
        .toList();
  }

  private StoryState replay(int stepCount) {
    Fold fold = new Fold();
    steps.subList(0, stepCount).forEach(fold::apply);
    return fold.state();
  }

  private static EvaluationEntry evaluationEntry(EvaluationRecorded event, Instant at) {
    return new EvaluationEntry(
        event.evaluationId(), event.evaluator(), event.revision(), event.result(), at);
  }

  private static String actorOf(StoryEvent event) {
    return switch (event) {
      case StoryDrafted drafted -> drafted.authorId();
      case StoryRevised revised -> revised.actorId();
      case StoryMarkedReady ready -> ready.actorId();
      case PrincipleTagged tagged -> tagged.actorId();
      case PrincipleUntagged untagged -> untagged.actorId();
      case PromptLinked linked -> linked.actorId();
      case PromptUnlinked unlinked -> unlinked.actorId();
      case StoryArchived archived -> archived.actorId();
      case StoryRestored restored -> restored.actorId();
      case CommentAdded comment -> comment.actorId();
      case CommentResolved resolved -> resolved.actorId();
      case EvaluationRecorded evaluation -> evaluation.actorId();
      case StorySelfRated rated -> rated.actorId();
    };
  }

  /** Mutable state while folding; only ever lives inside one replay. */
  private static final class Fold {
    private String storyId;
    private String authorId;
    private String cohortId;
    private long version;
    private int revision;
    private boolean ready;
    private boolean archived;
    private String title;
    private String level;
    private StarText star;
    private List<ConfidentialSpan> confidential = List.of();
    private final Set<String> principles = new LinkedHashSet<>();
    private final Map<String, PromptLink> prompts = new LinkedHashMap<>();
    private final Map<String, StoryState.Comment> comments = new LinkedHashMap<>();
    private Integer selfRating;
    private final Map<String, EvaluationEntry> latestEvaluations = new LinkedHashMap<>();
    private Instant createdAt;
    private Instant updatedAt;

    void apply(Step step) {
      version = step.sequence();
      updatedAt = step.at();
      switch (step.event()) {
        case StoryDrafted drafted -> {
          storyId = drafted.storyId();
          authorId = drafted.authorId();
          cohortId = drafted.cohortId();
          revision = 1;
          title = drafted.title();
          level = drafted.level().id();
          star = drafted.star();
          confidential = drafted.confidential();
          principles.addAll(drafted.principles());
          drafted.prompts().forEach(prompt -> prompts.put(prompt.promptId(), prompt));
          createdAt = step.at();
        }
        case StoryRevised revised -> {
          revision = revised.revision();
          title = revised.title();
          level = revised.level().id();
          star = revised.star();
          confidential = revised.confidential();
        }
        case StoryMarkedReady ignored -> ready = true;
        case PrincipleTagged tagged -> principles.add(tagged.principle());
        case PrincipleUntagged untagged -> principles.remove(untagged.principle());
        case PromptLinked linked -> prompts.put(linked.prompt().promptId(), linked.prompt());
        case PromptUnlinked unlinked -> prompts.remove(unlinked.promptId());
        case StoryArchived ignored -> archived = true;
        case StoryRestored ignored -> archived = false;
        case CommentAdded comment ->
            comments.put(
                comment.commentId(),
                new StoryState.Comment(
                    comment.commentId(),
                    comment.actorId(),
                    comment.revision(),
                    comment.field(),
                    comment.start(),
                    comment.end(),
                    comment.text(),
                    false,
                    step.at()));
        case CommentResolved resolved ->
            comments.computeIfPresent(
                resolved.commentId(),
                (id, comment) ->
                    new StoryState.Comment(
                        comment.commentId(),
                        comment.coachId(),
                        comment.revision(),
                        comment.field(),
                        comment.start(),
                        comment.end(),
                        comment.text(),
                        true,
                        comment.at()));
        case EvaluationRecorded evaluation ->
            latestEvaluations.put(
                evaluation.evaluator().kind() == Evaluator.Kind.AUTOMATIC ? "automatic" : "coach",
                evaluationEntry(evaluation, step.at()));
        case StorySelfRated rated -> selfRating = rated.rating();
      }
    }

    StoryState state() {
      String status = StoryStatus.of(archived, ready).id();
      return new StoryState(
          storyId,
          authorId,
          cohortId,
          version,
          revision,
          status,
          title,
          level,
          star.situation(),
          star.task(),
          star.action(),
          star.result(),
          List.copyOf(principles),
          List.copyOf(prompts.values()),
          List.copyOf(comments.values()),
          selfRating,
          Map.copyOf(latestEvaluations),
          createdAt,
          updatedAt,
          confidential);
    }
  }
}
