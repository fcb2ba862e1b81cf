package org.storybank.command.drill;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;
import org.storybank.command.history.EvaluationEntry;
import org.storybank.command.history.StoryReader;
import org.storybank.command.history.StoryState;
import org.storybank.command.story.CohortMembership;
import org.storybank.command.story.StoryNotFound;

/**
 * Who reads which drills, and a drill as it is shown: the candidate their own, the coach of the
 * cohort the candidate is in now theirs; anyone else is answered as for a drill that does not
 * exist. An answered drill comes with its follow-up questions, worked out from the story's latest
 * automatic evaluation as the reader may see it (a coach reads confidential words redacted).
 */
@Component
class DrillReads {

  static final int HISTORY_LIMIT = 200;

  private final DrillView view;
  private final CohortMembership membership;
  private final StoryReader stories;
  private final FollowUpPlanner planner;

  DrillReads(
      DrillView view, CohortMembership membership, StoryReader stories, FollowUpPlanner planner) {
    this.view = view;
    this.membership = membership;
    this.stories = stories;
    this.planner = planner;
  }

  /** One drill with its story's title and follow-ups. */
  record DrillDetails(
      DrillRecord drill, String storyTitle, Integer evaluatedRevision, List<FollowUp> followUps) {}

  DrillDetails details(String drillId, Actor actor) {
    DrillRecord drill =
        view.find(drillId)
            .filter(found -> mayRead(actor, found.candidateId()))
            .orElseThrow(() -> new DrillNotFound(drillId));
    if (drill.storyId() == null) {
      return new DrillDetails(drill, null, null, List.of());
    }
    Optional<StoryState> story = story(drill.storyId(), actor);
    Optional<EvaluationEntry> automatic =
        story.map(state -> state.latestEvaluations().get("automatic"));
    EvaluationResult result = automatic.map(EvaluationEntry::result).orElse(null);
    return new DrillDetails(
        drill,
        story.map(StoryState::title).orElse(null),
        automatic.map(EvaluationEntry::revision).orElse(null),
        planner.plan(drill.principle(), result));
  }

  List<DrillRecord> history(String candidateId, Actor actor) {
    requireReader(candidateId, actor);
    return view.historyOf(candidateId, HISTORY_LIMIT);
  }

  List<PrinciplePractice> summary(String candidateId, Actor actor) {
    requireReader(candidateId, actor);
    return view.summaryOf(candidateId);
  }

  private void requireReader(String candidateId, Actor actor) {
    if (!mayRead(actor, candidateId)) {
      throw new DrillNotFound("of candidate " + candidateId);
    }
  }

  private boolean mayRead(Actor actor, String candidateId) {
    if (actor.role() == ActorRole.CANDIDATE) {
      return actor.userId().equals(candidateId);
    }
    return actor.role() == ActorRole.COACH
        && membership.cohortOf(candidateId, null).map(actor::coaches).orElse(false);
  }

  private Optional<StoryState> story(String storyId, Actor actor) {
    try {
      return Optional.of(stories.timeline(storyId, actor).current());
    } catch (StoryNotFound e) {
      return Optional.empty();
    }
  }
}
