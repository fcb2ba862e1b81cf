package org.storybank.command.loop;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.loop.LoopCommands.CancelLoop;
import org.storybank.api.loop.LoopCommands.PlanLoop;
import org.storybank.api.loop.LoopCommands.RecordLoopUsage;
import org.storybank.api.loop.LoopCommands.ReviseLoop;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.StoryUse;
import org.storybank.command.Actors;
import org.storybank.security.Caller;

/**
 * Writes to interview loops. Reads (the loops, one loop, its plan) are story-query's: the gateway
 * sends GET there.
 */
@RestController
@RequestMapping("/api/loops")
class LoopController {

  private final CommandGateway commands;

  LoopController(CommandGateway commands) {
    this.commands = commands;
  }

  record UsageBody(List<StoryUse> uses) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> plan(Caller caller, @RequestBody LoopDetails body) {
    String loopId = UUID.randomUUID().toString();
    commands.sendAndWait(new PlanLoop(loopId, Actors.of(caller), body));
    return ResponseEntity.created(URI.create("/api/loops/" + loopId)).body(Map.of("id", loopId));
  }

  @PutMapping("/{loopId}")
  Map<String, Object> revise(
      Caller caller, @PathVariable String loopId, @RequestBody LoopDetails body) {
    commands.sendAndWait(new ReviseLoop(loopId, Actors.of(caller), body));
    return Map.of("id", loopId);
  }

  @DeleteMapping("/{loopId}")
  ResponseEntity<Void> cancel(Caller caller, @PathVariable String loopId) {
    commands.sendAndWait(new CancelLoop(loopId, Actors.of(caller)));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{loopId}/usage")
  Map<String, Object> recordUsage(
      Caller caller, @PathVariable String loopId, @RequestBody UsageBody body) {
    List<StoryUse> uses = body == null || body.uses() == null ? List.of() : body.uses();
    commands.sendAndWait(new RecordLoopUsage(loopId, Actors.of(caller), uses));
    return Map.of("id", loopId, "uses", uses.size());
  }

  @ExceptionHandler({
    LoopNotFound.class,
    AggregateNotFoundException.class,
    IncompatibleAggregateException.class
  })
  ProblemDetail notFound(RuntimeException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such loop");
  }

  @ExceptionHandler(LoopActionForbidden.class)
  ProblemDetail forbidden(LoopActionForbidden exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
  }
}
