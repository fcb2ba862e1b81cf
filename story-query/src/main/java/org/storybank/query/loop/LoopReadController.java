package org.storybank.query.loop;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.api.loop.StoryUse;
import org.storybank.query.access.CandidateAccess;
import org.storybank.query.access.NotFound;
import org.storybank.query.indexing.LoopsIndex;
import org.storybank.query.indexing.MembershipsIndex;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.search.QuestionAnswers;
import org.storybank.query.search.QuestionAnswers.Answers;
import org.storybank.security.Caller;

/**
 * Reads of interview loops and their plans: the candidate's own, and those of the candidates in the
 * cohorts a coach coaches now. Anyone else is told the loop does not exist. Writes go to
 * story-command.
 */
@RestController
@RequestMapping("/api/loops")
class LoopReadController {

  private final LoopsIndex loops;
  private final MembershipsIndex memberships;
  private final StoriesIndex stories;
  private final CandidateAccess access;
  private final QuestionAnswers questions;
  private final LoopPlanner planner = new LoopPlanner();

  LoopReadController(
      LoopsIndex loops,
      MembershipsIndex memberships,
      StoriesIndex stories,
      CandidateAccess access,
      QuestionAnswers questions) {
    this.loops = loops;
    this.memberships = memberships;
    this.stories = stories;
    this.access = access;
    this.questions = questions;
  }

  record LoopView(
      String id,
      String candidateId,
      String company,
      String role,
      String level,
      String date,
      List<Interview> interviews,
      List<StoryUse> uses,
      long version,
      Instant updatedAt) {

    static LoopView of(LoopDocument loop) {
      return new LoopView(
          loop.loopId(),
          loop.candidateId(),
          loop.company(),
          loop.role(),
          loop.level(),
          loop.date(),
          loop.interviews(),
          loop.uses(),
          loop.version(),
          loop.updatedAt());
    }
  }

  /** The caller's loops; a coach's: their cohorts' candidates' (or one of them), soonest first. */
  @GetMapping
  List<LoopView> loops(Caller caller, @RequestParam(required = false) String candidateId) {
    List<String> candidates;
    if (candidateId != null && !candidateId.isBlank()) {
      access.checkRead(caller, candidateId);
      candidates = List.of(candidateId);
    } else {
      candidates =
          switch (caller.role()) {
            case CANDIDATE -> List.of(caller.userId());
            case COACH -> memberships.membersOf(caller.cohortIds());
            case ADMIN -> List.of();
          };
    }
    return loops.loopsOf(candidates).stream()
        .filter(loop -> readable(caller, loop))
        .map(LoopView::of)
        .toList();
  }

  @GetMapping("/{loopId}")
  LoopView loop(Caller caller, @PathVariable String loopId) {
    return LoopView.of(readable(caller, loopId));
  }

  @GetMapping("/{loopId}/plan")
  LoopPlan plan(Caller caller, @PathVariable String loopId) {
    LoopDocument loop = readable(caller, loopId);
    Set<String> toldBefore =
        loops.atCompany(loop.candidateId(), loop.company()).stream()
            .filter(other -> !other.loopId().equals(loop.loopId()))
            .flatMap(other -> other.uses().stream())
            .map(StoryUse::storyId)
            .collect(Collectors.toSet());
    Map<String, Answers> answers = new HashMap<>();
    loop.interviews().stream()
        .flatMap(interview -> interview.questions().stream())
        .distinct()
        .forEach(
            question ->
                answers.put(
                    question,
                    questions.of(loop.candidateId(), question, LoopPlanner.QUESTION_DEPTH)));
    return planner.plan(loop, stories.storiesOf(loop.candidateId()), toldBefore, answers);
  }

  private LoopDocument readable(Caller caller, String loopId) {
    LoopDocument loop = loops.live(loopId).orElseThrow(() -> new NotFound("no loop " + loopId));
    if (!readable(caller, loop)) {
      throw new NotFound("no loop " + loopId);
    }
    return loop;
  }

  private boolean readable(Caller caller, LoopDocument loop) {
    try {
      access.checkRead(caller, loop.candidateId());
      return true;
    } catch (NotFound refused) {
      return false;
    }
  }
}
