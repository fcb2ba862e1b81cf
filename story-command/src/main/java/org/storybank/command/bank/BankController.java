package org.storybank.command.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.story.Actor;
import org.storybank.command.Actors;
import org.storybank.command.history.StoryReader;
import org.storybank.command.history.StoryState;
import org.storybank.command.story.CohortMembership;
import org.storybank.command.story.StoryActionForbidden;
import org.storybank.command.story.StoryNotFound;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.security.Caller;
import org.storybank.security.Role;
import org.storybank.security.audit.AuditEntry;
import org.storybank.security.audit.AuditTrail;

/**
 * A bank, or one story, exported as JSON, CSV or Markdown. The author exports the clear text with
 * its confidential ranges; a coach exports one of their candidates' banks redacted.
 */
@RestController
@RequestMapping("/api/stories")
class BankController {

  private final StoryReader reader;
  private final StoryAuthorship authorship;
  private final CohortMembership membership;
  private final ObjectMapper mapper;
  private final AuditTrail audit;

  BankController(
      StoryReader reader,
      StoryAuthorship authorship,
      CohortMembership membership,
      ObjectMapper mapper,
      AuditTrail audit) {
    this.reader = reader;
    this.authorship = authorship;
    this.membership = membership;
    this.mapper = mapper;
    this.audit = audit;
  }

  @GetMapping("/export")
  ResponseEntity<byte[]> exportBank(
      Caller caller,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String candidateId)
      throws JsonProcessingException {
    Actor actor = Actors.of(caller);
    String bankOf = bankOwner(actor, candidateId);
    List<ExportedStory> stories =
        authorship.storiesOf(bankOf).stream()
            .map(storyId -> ExportedStory.of(reader.timeline(storyId, actor).current()))
            .toList();
    if (caller.is(Role.COACH)) {
      audit.recordAll(
          caller,
          stories.stream()
              .map(story -> AuditEntry.aboutStory("export story", story.id(), bankOf))
              .toList());
    }
    return file(format(format), "storybank-" + bankOf, "Story bank", stories);
  }

  @GetMapping("/{storyId}/export")
  ResponseEntity<byte[]> exportStory(
      Caller caller, @PathVariable String storyId, @RequestParam(required = false) String format)
      throws JsonProcessingException {
    StoryState current = reader.timeline(storyId, Actors.of(caller)).current();
    ExportedStory story = ExportedStory.of(current);
    if (caller.is(Role.COACH)) {
      audit.record(caller, AuditEntry.aboutStory("export story", storyId, current.authorId()));
    }
    return file(format(format), "story-" + storyId, story.title(), List.of(story));
  }

  /** Whose bank the caller may export: their own, or (a coach) one of their candidates'. */
  private String bankOwner(Actor actor, String candidateId) {
    switch (actor.role()) {
      case CANDIDATE -> {
        if (candidateId != null && !candidateId.equals(actor.userId())) {
          throw new StoryNotFound(candidateId);
        }
        return actor.userId();
      }
      case COACH -> {
        if (candidateId == null || candidateId.isBlank()) {
          throw new StoryRuleViolation("candidateId", "a coach names the candidate to export");
        }
        String cohort = membership.cohortOf(candidateId, null).orElse(null);
        if (!actor.coaches(cohort)) {
          throw new StoryNotFound(candidateId);
        }
        return candidateId;
      }
      default -> throw new StoryActionForbidden("only candidates and their coaches export banks");
    }
  }

  private ResponseEntity<byte[]> file(
      ExportFormat format, String name, String heading, List<ExportedStory> stories)
      throws JsonProcessingException {
    String body =
        switch (format) {
          case JSON -> mapper.writerWithDefaultPrettyPrinter().writeValueAsString(stories);
          case CSV -> CsvExport.write(stories);
          case MARKDOWN -> MarkdownExport.write(heading, stories);
        };
    String filename =
        name.replaceAll("[^A-Za-z0-9._-]", "_")
            + "-"
            + LocalDate.now(ZoneOffset.UTC)
            + "."
            + format.extension();
    return ResponseEntity.ok()
        .contentType(format.mediaType())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  static ExportFormat format(String id) {
    return ExportFormat.fromId(id)
        .orElseThrow(() -> new StoryRuleViolation("format", "must be one of json, csv, markdown"));
  }
}
