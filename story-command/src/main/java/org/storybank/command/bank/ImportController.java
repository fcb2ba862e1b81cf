package org.storybank.command.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.story.Actor;
import org.storybank.command.Actors;
import org.storybank.command.story.StoryActionForbidden;
import org.storybank.command.story.StoryNotFound;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.security.Caller;

/**
 * Stories imported into the caller's bank from an export in JSON, CSV or Markdown: at once ({@code
 * POST /import}, the answer is the report) or in the background ({@code POST /imports}, the answer
 * is where to follow its progress). Every entry is checked before anything is written.
 */
@RestController
@RequestMapping("/api/stories")
class ImportController {

  static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

  private final BankImport bankImport;
  private final BackgroundImports background;
  private final ImportJobs jobs;
  private final ObjectMapper mapper;

  ImportController(
      BankImport bankImport, BackgroundImports background, ImportJobs jobs, ObjectMapper mapper) {
    this.bankImport = bankImport;
    this.background = background;
    this.jobs = jobs;
    this.mapper = mapper;
  }

  @PostMapping("/import")
  ResponseEntity<Object> importStories(
      Caller caller,
      HttpServletRequest request,
      @RequestParam(required = false) String format,
      @RequestParam(required = false, defaultValue = "false") boolean partial)
      throws IOException {
    Actor actor = importer(caller);
    Checked checked = check(actor, request, format, partial);
    if (checked.refusal() != null) {
      return checked.refusal();
    }
    return ResponseEntity.ok(
        bankImport.write(actor, cohortOf(caller), checked.prepared(), BankImport.Progress.NONE));
  }

  /** The same import written in the background: 202 with where its progress is. */
  @PostMapping("/imports")
  ResponseEntity<Object> startImport(
      Caller caller,
      HttpServletRequest request,
      @RequestParam(required = false) String format,
      @RequestParam(required = false, defaultValue = "false") boolean partial)
      throws IOException {
    Actor actor = importer(caller);
    Checked checked = check(actor, request, format, partial);
    if (checked.refusal() != null) {
      return checked.refusal();
    }
    String id = background.start(actor, cohortOf(caller), checked.prepared());
    return ResponseEntity.accepted()
        .location(URI.create("/api/stories/imports/" + id))
        .body(jobs.find(id, actor.userId()).orElseThrow());
  }

  @GetMapping("/imports/{importId}")
  ImportJobs.Job importProgress(Caller caller, @PathVariable String importId) {
    return jobs.find(importId, caller.userId()).orElseThrow(() -> new StoryNotFound(importId));
  }

  /** The whole file checked, nothing written: what may be written, or the refusal to answer. */
  private record Checked(BankImport.Prepared prepared, ResponseEntity<Object> refusal) {}

  private Checked check(Actor actor, HttpServletRequest request, String format, boolean partial)
      throws IOException {
    JsonNode entries = readEntries(request, importFormat(format, request.getContentType()));
    BankImport.Prepared prepared = bankImport.prepare(actor, entries);
    if (!prepared.errors().isEmpty() && !partial) {
      return new Checked(prepared, refused(prepared, entries.size()));
    }
    return new Checked(prepared, null);
  }

  private static Actor importer(Caller caller) {
    Actor actor = Actors.of(caller);
    if (actor.role() != Actor.ActorRole.CANDIDATE) {
      throw new StoryActionForbidden("only candidates import stories into their own bank");
    }
    return actor;
  }

  private static String cohortOf(Caller caller) {
    return caller.cohortIds().stream().findFirst().orElse(null);
  }

  private static ResponseEntity<Object> refused(BankImport.Prepared prepared, int entries) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            prepared.errors().size()
                + " of "
                + entries
                + " entries are not valid; nothing was imported");
    problem.setProperty("imported", 0);
    problem.setProperty("unchanged", 0);
    problem.setProperty("errors", prepared.errors());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** {@code ?format=} when given, else the body's content type; JSON when neither says. */
  private static ExportFormat importFormat(String format, String contentType) {
    if (format != null) {
      return BankController.format(format);
    }
    if (contentType == null) {
      return ExportFormat.JSON;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException unreadable) {
      throw new StoryRuleViolation("Content-Type", "is not a media type");
    }
    return Arrays.stream(ExportFormat.values())
        .filter(known -> known.mediaType().isCompatibleWith(type))
        .findFirst()
        .orElse(ExportFormat.JSON);
  }

  private JsonNode readEntries(HttpServletRequest request, ExportFormat format) throws IOException {
    if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
      throw new TooLarge("an import is at most 5 MB");
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_IMPORT_BYTES + 1);
    }
    if (body.length > MAX_IMPORT_BYTES) {
      throw new TooLarge("an import is at most 5 MB");
    }
    JsonNode entries =
        switch (format) {
          case CSV -> CsvImport.read(new String(body, StandardCharsets.UTF_8));
          case MARKDOWN -> MarkdownImport.read(new String(body, StandardCharsets.UTF_8));
          case JSON -> json(body);
        };
    if (entries == null || !entries.isArray()) {
      throw new StoryRuleViolation("body", "must be a JSON array of stories as the export writes");
    }
    if (entries.size() > BankImport.MAX_STORIES) {
      throw new TooLarge("an import holds at most " + BankImport.MAX_STORIES + " stories");
    }
    return entries;
  }

  private JsonNode json(byte[] body) {
    try {
      return mapper.readTree(body);
    } catch (IOException notJson) {
      throw new StoryRuleViolation("body", "must be a JSON array of stories as the export writes");
    }
  }

  @ExceptionHandler(TooLarge.class)
  ProblemDetail tooLarge(TooLarge tooLarge) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    problem.setProperty("field", "body");
    problem.setProperty("rule", tooLarge.getMessage());
    return problem;
  }

  /** An import beyond the limits: refused before any entry is read. */
  static class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(Objects.requireNonNull(message));
    }
  }
}
