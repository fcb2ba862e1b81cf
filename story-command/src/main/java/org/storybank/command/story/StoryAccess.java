package org.storybank.command.story;

import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;

/**
 * Who may do what to one story: its author writes it; a coach of the author's cohort reads,
 * comments on and evaluates it; the automatic evaluator evaluates it. Anyone else is told the story
 * does not exist.
 */
public record StoryAccess(String storyId, String authorId, String cohortId) {

  public boolean isAuthor(Actor actor) {
    return actor != null && actor.role() == ActorRole.CANDIDATE && authorId.equals(actor.userId());
  }

  public boolean canSee(Actor actor) {
    return isAuthor(actor)
        || (actor != null && actor.coaches(cohortId))
        || (actor != null && actor.role() == ActorRole.EVALUATOR);
  }

  public void requireVisible(Actor actor) {
    if (!canSee(actor)) {
      throw new StoryNotFound(storyId);
    }
  }

  void requireAuthor(Actor actor) {
    requireVisible(actor);
    if (!isAuthor(actor)) {
      throw new StoryActionForbidden("only the author changes the story itself");
    }
  }

  void requireCoach(Actor actor) {
    requireVisible(actor);
    if (!actor.coaches(cohortId)) {
      throw new StoryActionForbidden("only a coach of the author's cohort does this");
    }
  }

  void requireAuthorOrCoach(Actor actor) {
    requireVisible(actor);
    if (!isAuthor(actor) && !actor.coaches(cohortId)) {
      throw new StoryActionForbidden("only the author or a coach of the author's cohort does this");
    }
  }

  void requireEvaluator(Actor actor, Evaluator evaluator) {
    if (evaluator == null || evaluator.kind() == null) {
      throw new StoryRuleViolation(
          "evaluator", "must say whether a coach or the automatic evaluator judged");
    }
    switch (evaluator.kind()) {
      case AUTOMATIC -> {
        requireVisible(actor);
        if (actor.role() != ActorRole.EVALUATOR) {
          throw new StoryActionForbidden(
              "only the automatic evaluator records automatic evaluations");
        }
      }
      case COACH -> {
        requireCoach(actor);
        if (!actor.userId().equals(evaluator.id())) {
          throw new StoryActionForbidden("a coach records evaluations in their own name only");
        }
      }
    }
  }
}
