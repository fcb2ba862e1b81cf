package org.storybank.command.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.Actor;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.Redaction;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryCommand;
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
import org.storybank.command.Actors;
import org.storybank.command.history.StoryReader;
import org.storybank.command.story.RevisionOutcome;
import org.storybank.command.story.StoryActionForbidden;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.command.web.StoryRequests.CommentBody;
import org.storybank.command.web.StoryRequests.EvaluationBody;
import org.storybank.command.web.StoryRequests.PrincipleBody;
import org.storybank.command.web.StoryRequests.PromptBody;
import org.storybank.command.web.StoryRequests.RatingBody;
import org.storybank.command.web.StoryRequests.StoryBody;
import org.storybank.security.Caller;

/** Every change to a story, each one command; answers the story's version afterwards. */
@RestController
@RequestMapping("/api/stories")
class StoryCommandController {

  private final CommandGateway commands;
  private final StoryReader reader;

  StoryCommandController(CommandGateway commands, StoryReader reader) {
    this.commands = commands;
    this.reader = reader;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> draft(Caller caller, @RequestBody StoryBody body) {
    Actor actor = Actors.of(caller);
    if (actor.role() != Actor.ActorRole.CANDIDATE) {
      throw new StoryActionForbidden("only candidates keep a story bank");
    }
    String storyId = UUID.randomUUID().toString();
    List<PromptLink> prompts =
        body.prompts() == null
            ? List.of()
            : body.prompts().stream()
                .map(text -> new PromptLink(UUID.randomUUID().toString(), text, ""))
                .toList();
    commands.sendAndWait(
        new DraftStory(
            storyId,
            actor,
            caller.cohortIds().stream().findFirst().orElse(null),
            body.title(),
            body.principles(),
            prompts,
            level(body.level()),
            star(body),
            body.confidential()));
    return ResponseEntity.created(URI.create("/api/stories/" + storyId))
        .body(Map.of("id", storyId, "version", 0L));
  }

  @PutMapping("/{storyId}")
  Map<String, Object> revise(
      Caller caller,
      @PathVariable String storyId,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody StoryBody body) {
    long expected = IfMatch.parse(ifMatch);
    RevisionOutcome outcome =
        send(
            new ReviseStory(
                storyId,
                expected,
                Actors.of(caller),
                body.title(),
                level(body.level()),
                star(body),
                body.principles(),
                body.prompts(),
                body.confidential()),
            RevisionOutcome.class);
    return outcome.warnings().isEmpty()
        ? answer(storyId, outcome.version())
        : Map.of("id", storyId, "version", outcome.version(), "warnings", outcome.warnings());
  }

  @PostMapping("/{storyId}/ready")
  Map<String, Object> markReady(Caller caller, @PathVariable String storyId) {
    return answer(storyId, send(new MarkStoryReady(storyId, Actors.of(caller))));
  }

  @PostMapping("/{storyId}/principles")
  Map<String, Object> tag(
      Caller caller, @PathVariable String storyId, @RequestBody PrincipleBody body) {
    return answer(storyId, send(new TagPrinciple(storyId, Actors.of(caller), body.principle())));
  }

  @DeleteMapping("/{storyId}/principles/{principle}")
  Map<String, Object> untag(
      Caller caller, @PathVariable String storyId, @PathVariable String principle) {
    return answer(storyId, send(new UntagPrinciple(storyId, Actors.of(caller), principle)));
  }

  @PostMapping("/{storyId}/prompts")
  ResponseEntity<Map<String, Object>> linkPrompt(
      Caller caller, @PathVariable String storyId, @RequestBody PromptBody body) {
    String promptId = UUID.randomUUID().toString();
    long version =
        send(
            new LinkPrompt(
                storyId, Actors.of(caller), new PromptLink(promptId, body.prompt(), body.angle())));
    return ResponseEntity.status(201)
        .body(Map.of("id", storyId, "promptId", promptId, "version", version));
  }

  @DeleteMapping("/{storyId}/prompts/{promptId}")
  Map<String, Object> unlinkPrompt(
      Caller caller, @PathVariable String storyId, @PathVariable String promptId) {
    return answer(storyId, send(new UnlinkPrompt(storyId, Actors.of(caller), promptId)));
  }

  @PostMapping("/{storyId}/archive")
  Map<String, Object> archive(Caller caller, @PathVariable String storyId) {
    return answer(storyId, send(new ArchiveStory(storyId, Actors.of(caller))));
  }

  @PostMapping("/{storyId}/restore")
  Map<String, Object> restore(Caller caller, @PathVariable String storyId) {
    return answer(storyId, send(new RestoreStory(storyId, Actors.of(caller))));
  }

  @PostMapping("/{storyId}/comments")
  ResponseEntity<Map<String, Object>> comment(
      Caller caller, @PathVariable String storyId, @RequestBody CommentBody body) {
    String commentId = UUID.randomUUID().toString();
    Actor actor = Actors.of(caller);
    int start = required("start", body.start());
    int end = required("end", body.end());
    if (actor.role() == Actor.ActorRole.COACH && body.field() != null) {
      // the coach points into the redacted text they read; the story keeps clear-text positions
      List<ConfidentialSpan> spans = reader.confidentialSpans(storyId, actor);
      start = Redaction.toClear(start, body.field(), spans, false);
      end = Redaction.toClear(end, body.field(), spans, true);
    }
    long version =
        send(new AddComment(storyId, actor, commentId, body.field(), start, end, body.text()));
    return ResponseEntity.status(201)
        .body(Map.of("id", storyId, "commentId", commentId, "version", version));
  }

  @PostMapping("/{storyId}/comments/{commentId}/resolve")
  Map<String, Object> resolve(
      Caller caller, @PathVariable String storyId, @PathVariable String commentId) {
    return answer(storyId, send(new ResolveComment(storyId, Actors.of(caller), commentId)));
  }

  @PutMapping("/{storyId}/rating")
  Map<String, Object> rate(
      Caller caller, @PathVariable String storyId, @RequestBody RatingBody body) {
    return answer(
        storyId,
        send(new RateStory(storyId, Actors.of(caller), required("rating", body.rating()))));
  }

  @PostMapping("/{storyId}/evaluations")
  ResponseEntity<Map<String, Object>> evaluate(
      Caller caller, @PathVariable String storyId, @RequestBody EvaluationBody body) {
    Actor actor = Actors.of(caller);
    int revision =
        body.revision() != null
            ? body.revision()
            : reader.timeline(storyId, actor).latestRevision();
    String evaluationId = UUID.randomUUID().toString();
    long version =
        send(
            new RecordEvaluation(
                storyId,
                actor,
                evaluationId,
                Evaluator.coach(caller.userId()),
                revision,
                result(body)));
    return ResponseEntity.status(201)
        .body(
            Map.of(
                "id",
                storyId,
                "evaluationId",
                evaluationId,
                "revision",
                revision,
                "version",
                version));
  }

  private long send(StoryCommand command) {
    return send(command, Long.class);
  }

  private <T> T send(StoryCommand command, Class<T> answer) {
    try {
      return answer.cast(
          Objects.requireNonNull(commands.sendAndWait(command), "handler answered no version"));
    } catch (ConflictingAggregateVersionException stale) {
      throw new VersionConflict(stale.getActualVersion());
    } catch (ConcurrencyException concurrentAppend) {
      // another instance appended the same version a moment earlier: the event store's key caught
      // it
      throw new VersionConflict(reader.currentVersion(command.storyId()));
    }
  }

  private static Map<String, Object> answer(String storyId, long version) {
    return Map.of("id", storyId, "version", version);
  }

  private static Level level(String id) {
    return Level.fromId(id)
        .orElseThrow(
            () -> new StoryRuleViolation("level", "must be one of entry, mid, senior, staff"));
  }

  private static StarText star(StoryBody body) {
    return new StarText(body.situation(), body.task(), body.action(), body.result());
  }

  private static int required(String field, Integer value) {
    if (value == null) {
      throw new StoryRuleViolation(field, "is required");
    }
    return value;
  }

  private static EvaluationResult result(EvaluationBody body) {
    Verdict verdict =
        Verdict.fromId(body.verdict())
            .orElseThrow(
                () -> new StoryRuleViolation("verdict", "must be one of strong, mixed, weak"));
    int score = required("score", body.score());
    return new EvaluationResult(
        body.rubricVersion() == null || body.rubricVersion().isBlank()
            ? "coach"
            : body.rubricVersion(),
        score,
        verdict,
        body.meetsBar() != null ? body.meetsBar() : verdict == Verdict.STRONG,
        body.criteria() == null
            ? List.of()
            : body.criteria().stream()
                .map(
                    c ->
                        new EvaluationResult.CriterionScore(
                            c.id(), required("criteria.score", c.score()), c.evidence()))
                .toList(),
        body.pitfalls() == null
            ? List.of()
            : body.pitfalls().stream()
                .map(p -> new EvaluationResult.PitfallFinding(p.id(), p.evidence()))
                .toList(),
        body.metrics() == null
            ? List.of()
            : body.metrics().stream()
                .map(
                    m ->
                        new EvaluationResult.ResultMetric(
                            m.kind(), m.value() == null ? 0 : m.value(), m.text()))
                .toList(),
        body.notes());
  }
}
