package org.storybank.command.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.Level;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.StarText;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.security.Caller;
import org.storybank.security.Role;

@RestController
@RequestMapping("/api/stories")
class StoryCommandController {

  private final CommandGateway commands;

  StoryCommandController(CommandGateway commands) {
    this.commands = commands;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> draft(Caller caller, @RequestBody DraftStoryRequest request) {
    if (!caller.is(Role.CANDIDATE)) {
      throw new ForbiddenException("only candidates keep a story bank");
    }
    Level level =
        Level.fromId(request.level())
            .orElseThrow(
                () -> new StoryRuleViolation("level", "must be one of entry, mid, senior, staff"));
    String storyId = UUID.randomUUID().toString();
    commands.sendAndWait(
        new DraftStory(
            storyId,
            caller.userId(),
            caller.cohortIds().stream().findFirst().orElse(null),
            request.title(),
            request.principles(),
            request.prompts(),
            level,
            new StarText(request.situation(), request.task(), request.action(), request.result())));
    return ResponseEntity.created(URI.create("/api/stories/" + storyId))
        .body(Map.of("id", storyId, "version", 0L));
  }

  static class ForbiddenException extends RuntimeException {
    ForbiddenException(String message) {
      super(message);
    }
  }
}
