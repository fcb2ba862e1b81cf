package org.storybank.command.bank;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.storybank.api.Level;
import org.storybank.api.story.Actor;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryCommands.ArchiveStory;
import org.storybank.api.story.StoryCommands.MarkStoryReady;
import org.storybank.api.story.StoryCommands.RestoreStory;
import org.storybank.api.story.StoryCommands.ReviseStory;
import org.storybank.api.story.StoryStatus;
import org.storybank.command.RuleViolation;
import org.storybank.command.bank.ImportReport.RowError;
import org.storybank.command.history.StoryReader;
import org.storybank.command.history.StoryState;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.command.story.StoryValidation;

/**
 * Imports stories into the caller's bank from an export's JSON. Every entry is checked against the
 * story's rules first; only then is anything written, so a bad entry leaves the bank as it was
 * (with {@code partial}, the good entries are written and the bad ones reported).
 *
 * <p>Ids are stable: an entry whose {@code id} is one of the caller's own stories revises it (or is
 * reported unchanged); any other id names a story derived from the caller and that id, so importing
 * the same file again finds the stories it made the first time instead of making them twice. A
 * foreign story is never touched.
 */
@Component
class BankImport {

  private static final Logger log = LoggerFactory.getLogger(BankImport.class);

  static final int MAX_STORIES = 500;

  private final CommandGateway commands;
  private final StoryReader reader;
  private final StoryAuthorship authorship;
  private final ObjectMapper mapper;

  BankImport(
      CommandGateway commands,
      StoryReader reader,
      StoryAuthorship authorship,
      ObjectMapper mapper) {
    this.commands = commands;
    this.reader = reader;
    this.authorship = authorship;
    this.mapper = mapper;
  }

  /** One checked entry and what importing it means; {@code existing} is null for a new story. */
  private record Plan(int row, ExportedStory story, String storyId, StoryState existing) {

    boolean unchanged() {
      return existing != null && sameAs(existing, story);
    }
  }

  /** An entry is either a plan or the reason it cannot be imported. */
  private record Checked(Plan plan, RowError error) {}

  /** Every entry checked, none written yet: what would be written and what is wrong. */
  static final class Prepared {
    private final List<Plan> plans;
    private final List<RowError> errors;

    private Prepared(List<Plan> plans, List<RowError> errors) {
      this.plans = List.copyOf(plans);
      this.errors = List.copyOf(errors);
    }

    List<RowError> errors() {
      return errors;
    }

    int writable() {
      return plans.size();
    }
  }

  /** Told after each entry is written (or found unchanged). */
  interface Progress {
    void advanced(int done, int imported, int unchanged);

    Progress NONE = (done, imported, unchanged) -> {};
  }

  ImportReport run(Actor actor, String cohortId, JsonNode entries, boolean partial) {
    Prepared prepared = prepare(actor, entries);
    if (!prepared.errors().isEmpty() && !partial) {
      return new ImportReport(0, 0, prepared.errors());
    }
    return write(actor, cohortId, prepared, Progress.NONE);
  }

  /** Checks every entry against the story's rules; writes nothing. */
  Prepared prepare(Actor actor, JsonNode entries) {
    List<RowError> errors = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Checked checked = check(actor, i + 1, entries.get(i), targets);
      if (checked.error() != null) {
        errors.add(checked.error());
      } else {
        plans.add(checked.plan());
      }
    }
    return new Prepared(plans, errors);
  }

  /**
   * Writes the valid entries one by one. One that cannot be written (the story changed meanwhile,
   * say) is reported on its row and the rest go on: what was written stays written.
   */
  ImportReport write(Actor actor, String cohortId, Prepared prepared, Progress progress) {
    List<RowError> errors = new ArrayList<>(prepared.errors());
    int imported = 0;
    int unchanged = 0;
    int done = 0;
    for (Plan plan : prepared.plans) {
      if (plan.unchanged()) {
        unchanged++;
      } else {
        try {
          apply(actor, cohortId, plan);
          imported++;
        } catch (RuntimeException failed) {
          errors.add(new RowError(plan.row(), "entry", "was not written: " + reason(failed)));
        }
      }
      progress.advanced(++done, imported, unchanged);
    }
    errors.sort(java.util.Comparator.comparingInt(RowError::row));
    return new ImportReport(imported, unchanged, errors);
  }

  private static String reason(RuntimeException failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConcurrencyException) {
        return "the story changed while it was imported; import the file again";
      }
      if (cause instanceof RuleViolation broken) {
        return broken.field() + " " + broken.rule();
      }
    }
    log.warn("an imported story could not be written", failed);
    return "it could not be stored just now; import the file again";
  }

  private Checked check(Actor actor, int row, JsonNode entry, Set<String> targets) {
    if (entry == null || !entry.isObject()) {
      return rejected(row, "entry", "must be a JSON object in the export's shape");
    }
    ExportedStory story;
    try {
      story =
          mapper
              .readerFor(ExportedStory.class)
              .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(entry);
    } catch (UnrecognizedPropertyException unknown) {
      return rejected(row, unknown.getPropertyName(), "is not a known field");
    } catch (JsonMappingException wrongType) {
      String field =
          wrongType.getPath().isEmpty() || wrongType.getPath().get(0).getFieldName() == null
              ? "entry"
              : wrongType.getPath().get(0).getFieldName();
      return rejected(row, field, "has the wrong type");
    } catch (Exception unreadable) {
      return rejected(row, "entry", "is not readable as a story");
    }
    Optional<Level> level = Level.fromId(story.level());
    if (level.isEmpty()) {
      return rejected(row, "level", "must be one of entry, mid, senior, staff");
    }
    Optional<StoryStatus> status =
        story.status() == null
            ? Optional.of(StoryStatus.DRAFT)
            : StoryStatus.fromId(story.status().toLowerCase(Locale.ROOT));
    if (status.isEmpty()) {
      return rejected(row, "status", "must be one of " + StoryStatus.ids());
    }
    String target = target(actor, story.id());
    if (!targets.add(target)) {
      return rejected(row, "id", "the same story appears more than once in this import");
    }
    Optional<String> author = authorship.authorOf(target);
    if (author.isPresent() && !author.get().equals(actor.userId())) {
      return rejected(row, "id", "names a story that is not in your bank");
    }
    StoryState existing = author.isPresent() ? reader.timeline(target, actor).current() : null;
    boolean staysReady =
        status.get() == StoryStatus.READY
            || (existing != null && StoryStatus.READY.is(existing.status()));
    Optional<StoryRuleViolation> broken =
        StoryValidation.check(
            story.title(),
            level.get(),
            story.principles(),
            story.prompts().stream()
                .map(text -> new PromptLink(UUID.randomUUID().toString(), text, ""))
                .toList(),
            star(story),
            story.confidential(),
            staysReady);
    if (broken.isPresent()) {
      return rejected(row, broken.get().field(), broken.get().rule());
    }
    ExportedStory normalised =
        new ExportedStory(
            target,
            story.title(),
            story.principles(),
            story.prompts(),
            level.get().id(),
            story.situation(),
            story.task(),
            story.action(),
            story.result(),
            story.confidential(),
            status.get().id());
    return new Checked(new Plan(row, normalised, target, existing), null);
  }

  /**
   * The caller's own story keeps its id; any other id (another bank's, or made up) maps to an id of
   * the caller's own, the same on every import, so a second import of the same file finds it.
   */
  private String target(Actor actor, String id) {
    if (id == null || id.isBlank()) {
      return UUID.randomUUID().toString();
    }
    if (authorship.authorOf(id).filter(actor.userId()::equals).isPresent()) {
      return id;
    }
    return UUID.nameUUIDFromBytes(
            ("import:" + actor.userId() + ":" + id).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private void apply(Actor actor, String cohortId, Plan plan) {
    ExportedStory story = plan.story();
    Level level = Level.fromId(story.level()).orElseThrow();
    if (plan.existing() == null) {
      commands.sendAndWait(
          new DraftStory(
              plan.storyId(),
              actor,
              cohortId,
              story.title(),
              story.principles(),
              story.prompts().stream()
                  .map(text -> new PromptLink(UUID.randomUUID().toString(), text, ""))
                  .toList(),
              level,
              star(story),
              story.confidential()));
      setStatus(actor, plan.storyId(), StoryStatus.DRAFT.id(), story.status());
      return;
    }
    StoryState existing = plan.existing();
    Long version = existing.version();
    String status = existing.status();
    if (StoryStatus.ARCHIVED.is(status)) {
      // an archived story takes no revision; it is archived again below if the entry says so
      version = commands.sendAndWait(new RestoreStory(plan.storyId(), actor));
      status = StoryStatus.DRAFT.id();
    }
    commands.sendAndWait(
        new ReviseStory(
            plan.storyId(),
            version,
            actor,
            story.title(),
            level,
            star(story),
            story.principles(),
            story.prompts(),
            story.confidential()));
    setStatus(actor, plan.storyId(), status, story.status());
  }

  private void setStatus(Actor actor, String storyId, String from, String to) {
    if (StoryStatus.READY.is(to) && !StoryStatus.READY.is(from)) {
      commands.sendAndWait(new MarkStoryReady(storyId, actor));
    } else if (StoryStatus.ARCHIVED.is(to) && !StoryStatus.ARCHIVED.is(from)) {
      commands.sendAndWait(new ArchiveStory(storyId, actor));
    }
  }

  /** The stored story already says what the entry says. */
  static boolean sameAs(StoryState state, ExportedStory story) {
    return Objects.equals(state.title(), story.title().strip())
        && Objects.equals(state.level(), story.level())
        && state.principles().equals(story.principles())
        && state.prompts().stream()
            .map(PromptLink::text)
            .toList()
            .equals(story.prompts().stream().map(String::strip).toList())
        && star(story)
            .equals(new StarText(state.situation(), state.task(), state.action(), state.result()))
        && state.confidential().equals(story.confidential())
        && (state.status().equals(story.status())
            // a ready story cannot go back to draft; importing it as a draft changes nothing
            || (StoryStatus.READY.is(state.status()) && StoryStatus.DRAFT.is(story.status())));
  }

  private static StarText star(ExportedStory story) {
    return new StarText(story.situation(), story.task(), story.action(), story.result());
  }

  private static Checked rejected(int row, String field, String message) {
    return new Checked(null, new RowError(row, field, message));
  }
}
