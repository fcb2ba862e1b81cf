package org.storybank.command.drill;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.storybank.api.Level;
import org.storybank.api.Principles;
import org.storybank.api.drill.DrawnPrompt;
import org.storybank.api.drill.DrillCommands.AbandonDrill;
import org.storybank.api.drill.DrillCommands.AnswerDrill;
import org.storybank.api.drill.DrillCommands.DrawDrill;
import org.storybank.api.drill.DrillCommands.RateDrill;
import org.storybank.api.story.Actor;
import org.storybank.command.Actors;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/** Practice drills: draw, answer, rate, abandon; the drill, the history and the summary. */
@RestController
@RequestMapping("/api/drills")
class DrillController {

  static final String DEFAULT_LEVEL = "mid";

  private final CommandGateway commands;
  private final CoverageClient coverage;
  private final DrillView view;
  private final DrillReads reads;

  DrillController(
      CommandGateway commands, CoverageClient coverage, DrillView view, DrillReads reads) {
    this.commands = commands;
    this.coverage = coverage;
    this.view = view;
    this.reads = reads;
  }

  record DrawBody(String level, String principle, Long seed) {}

  record AnswerBody(String storyId) {}

  record RatingBody(Integer rating) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> draw(
      Caller caller,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestBody(required = false) DrawBody body) {
    if (caller.role() != Role.CANDIDATE) {
      throw new DrillActionForbidden("only a candidate practises drills");
    }
    DrawBody request = body == null ? new DrawBody(null, null, null) : body;
    if (request.principle() != null && !Principles.isKnown(request.principle())) {
      throw new DrillRuleViolation("principle", "unknown principle '" + request.principle() + "'");
    }
    String level = request.level() == null ? lastLevel(caller.userId()) : request.level();
    if (Level.fromId(level).isEmpty()) {
      throw new DrillRuleViolation("level", "must be one of entry, mid, senior, staff");
    }
    Random random = request.seed() == null ? new Random() : new Random(request.seed());
    DrawnPrompt prompt =
        new DrillDraw(
                coverage.coverageOf(caller.userId(), authorization),
                view.recentPrompts(caller.userId()))
            .draw(request.principle(), level, random)
            .orElseThrow(() -> new DrillRuleViolation("principle", "the catalog has no prompt"));
    String drillId = UUID.randomUUID().toString();
    commands.sendAndWait(new DrawDrill(drillId, Actors.of(caller), prompt));
    Map<String, Object> drawn = new LinkedHashMap<>();
    drawn.put("id", drillId);
    drawn.put("principle", prompt.principle());
    drawn.put("prompt", prompt.prompt());
    drawn.put("level", prompt.level());
    drawn.put("reason", prompt.reason());
    drawn.put("why", prompt.why());
    return ResponseEntity.created(URI.create("/api/drills/" + drillId)).body(drawn);
  }

  @GetMapping
  List<DrillRecord> history(Caller caller, @RequestParam(required = false) String candidateId) {
    return reads.history(candidateId == null ? caller.userId() : candidateId, Actors.of(caller));
  }

  @GetMapping("/summary")
  List<PrinciplePractice> summary(
      Caller caller, @RequestParam(required = false) String candidateId) {
    return reads.summary(candidateId == null ? caller.userId() : candidateId, Actors.of(caller));
  }

  @GetMapping("/{drillId}")
  DrillReads.DrillDetails drill(Caller caller, @PathVariable String drillId) {
    return reads.details(drillId, Actors.of(caller));
  }

  @PostMapping("/{drillId}/answer")
  DrillReads.DrillDetails answer(
      Caller caller, @PathVariable String drillId, @RequestBody(required = false) AnswerBody body) {
    Actor actor = Actors.of(caller);
    commands.sendAndWait(new AnswerDrill(drillId, actor, body == null ? null : body.storyId()));
    return reads.details(drillId, actor);
  }

  @PutMapping("/{drillId}/rating")
  Map<String, Object> rate(
      Caller caller, @PathVariable String drillId, @RequestBody(required = false) RatingBody body) {
    Integer rating = body == null ? null : body.rating();
    commands.sendAndWait(new RateDrill(drillId, Actors.of(caller), rating));
    return Map.of("id", drillId, "rating", rating);
  }

  @DeleteMapping("/{drillId}")
  ResponseEntity<Void> abandon(Caller caller, @PathVariable String drillId) {
    commands.sendAndWait(new AbandonDrill(drillId, Actors.of(caller)));
    return ResponseEntity.noContent().build();
  }

  /** The level of the candidate's last drill, so a practice run keeps its level unless told. */
  private String lastLevel(String candidateId) {
    return view.historyOf(candidateId, 1).stream()
        .map(DrillRecord::level)
        .findFirst()
        .orElse(DEFAULT_LEVEL);
  }

  @ExceptionHandler({
    DrillNotFound.class,
    AggregateNotFoundException.class,
    IncompatibleAggregateException.class
  })
  ProblemDetail notFound(RuntimeException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such drill");
  }

  @ExceptionHandler(DrillActionForbidden.class)
  ProblemDetail forbidden(DrillActionForbidden exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
  }

  @ExceptionHandler(DrillStateConflict.class)
  ProblemDetail conflict(DrillStateConflict exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
  }

  @ExceptionHandler(RestClientException.class)
  ProblemDetail coverageUnavailable(RestClientException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE,
        "the candidate's coverage could not be read, so nothing was drawn; try again");
  }
}
