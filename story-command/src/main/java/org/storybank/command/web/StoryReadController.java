package org.storybank.command.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.command.Actors;
import org.storybank.command.history.RevisionDiff;
import org.storybank.command.history.StoryReader;
import org.storybank.command.history.StoryState;
import org.storybank.command.history.StoryTimeline;
import org.storybank.command.loop.StoryUsageView;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.security.Caller;
import org.storybank.security.Role;
import org.storybank.security.audit.AuditEntry;
import org.storybank.security.audit.AuditTrail;

/** A story now or as it was, its history, and what changed between two revisions. */
@RestController
@RequestMapping("/api/stories")
class StoryReadController {

  private final StoryReader reader;
  private final StoryUsageView usage;
  private final AuditTrail audit;

  StoryReadController(StoryReader reader, StoryUsageView usage, AuditTrail audit) {
    this.reader = reader;
    this.usage = usage;
    this.audit = audit;
  }

  /** The story as it is (or was), and the loops its author told it in. */
  record StoryWithUsage(@JsonUnwrapped StoryState story, List<StoryUsageView.Usage> usedIn) {}

  @GetMapping("/{storyId}")
  ResponseEntity<StoryWithUsage> story(
      Caller caller,
      @PathVariable String storyId,
      @RequestParam(required = false) Integer revision) {
    StoryTimeline timeline = reader.timeline(storyId, Actors.of(caller));
    StoryState current = timeline.current(); // a replay of every step: once per request
    StoryState state = revision == null ? current : atRevision(timeline, revision);
    coachRead(caller, "read story", storyId, current);
    return ResponseEntity.ok()
        .header(HttpHeaders.ETAG, "\"" + current.version() + "\"")
        .body(new StoryWithUsage(state, usage.of(storyId, current.authorId())));
  }

  @GetMapping("/{storyId}/history")
  Map<String, Object> history(Caller caller, @PathVariable String storyId) {
    StoryTimeline timeline = reader.timeline(storyId, Actors.of(caller));
    coachRead(caller, "read story history", storyId, timeline.current());
    return Map.of(
        "id", storyId,
        "version", timeline.current().version(),
        "entries", timeline.history(),
        "evaluations", timeline.evaluations());
  }

  @GetMapping("/{storyId}/diff")
  Map<String, Object> diff(
      Caller caller, @PathVariable String storyId, @RequestParam int from, @RequestParam int to) {
    StoryTimeline timeline = reader.timeline(storyId, Actors.of(caller));
    List<RevisionDiff.FieldDiff> changes =
        RevisionDiff.between(atRevision(timeline, from), atRevision(timeline, to));
    coachRead(caller, "read story diff", storyId, timeline.current());
    return Map.of("id", storyId, "from", from, "to", to, "fields", changes);
  }

  /** A coach's read of a candidate's story goes on the trail before the answer leaves. */
  private void coachRead(Caller caller, String action, String storyId, StoryState current) {
    if (caller.is(Role.COACH)) {
      audit.record(caller, AuditEntry.aboutStory(action, storyId, current.authorId()));
    }
  }

  private static StoryState atRevision(StoryTimeline timeline, int revision) {
    return timeline
        .atRevision(revision)
        .orElseThrow(
            () ->
                new StoryRuleViolation(
                    "revision",
                    "revision "
                        + revision
                        + " does not exist (latest is "
                        + timeline.latestRevision()
                        + ")"));
  }
}
