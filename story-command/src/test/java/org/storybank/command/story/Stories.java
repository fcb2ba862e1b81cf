package org.storybank.command.story;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.Actor;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.rubric.RubricCatalog;

/** The cast and the starting point shared by the Story fixture tests. */
final class Stories {

  static final String STORY = "story-1";
  static final String COHORT = "cohort-1";
  static final Actor AUTHOR = Actor.candidate("candidate-1", List.of(COHORT));
  static final Actor OTHER_CANDIDATE = Actor.candidate("candidate-2", List.of(COHORT));
  static final Actor COACH = Actor.coach("coach-1", List.of(COHORT));
  static final Actor OTHER_COACH = Actor.coach("coach-2", List.of("cohort-2"));
  static final Actor EVALUATOR = Actor.evaluator("evaluation-service");

  static final StarText STAR =
      new StarText(
          "Our checkout page failed for one customer in twenty.",
          "Nobody owned the payment retries.",
          "I traced the failures to a timeout and proposed a retry budget.",
          "Failed checkouts fell from 5% to 0.4% in two weeks.");

  static final PromptLink PROMPT =
      new PromptLink("p1", "Tell me about a time you owned a problem", "");

  static final RubricTerms RUBRIC = RubricTerms.of(RubricCatalog.load());

  private Stories() {}

  /** A fixture for the Story aggregate with the given view of cohort membership. */
  static FixtureConfiguration<Story> fixture(CohortMembership membership) {
    FixtureConfiguration<Story> fixture = new AggregateTestFixture<>(Story.class);
    fixture.registerInjectableResource(membership);
    fixture.registerInjectableResource(RUBRIC);
    return fixture;
  }

  static StoryDrafted drafted() {
    return new StoryDrafted(
        STORY,
        AUTHOR.userId(),
        COHORT,
        "Retries nobody owned",
        List.of("ownership"),
        List.of(PROMPT),
        Level.MID,
        STAR);
  }

  static StoryDrafted draftedWithEmptyResult() {
    StarText noResult = new StarText(STAR.situation(), STAR.task(), STAR.action(), "");
    return new StoryDrafted(
        STORY,
        AUTHOR.userId(),
        COHORT,
        "Half a story",
        List.of("ownership"),
        List.of(),
        Level.MID,
        noResult);
  }

  static EvaluationResult result(String rubricVersion) {
    return new EvaluationResult(
        rubricVersion,
        72,
        Verdict.MIXED,
        true,
        List.of(
            new EvaluationResult.CriterionScore(
                "owns-the-outcome", 3, "Nobody owned the payment retries.")),
        List.of(new EvaluationResult.PitfallFinding("no-reflection", "no lesson named")),
        List.of(new EvaluationResult.ResultMetric("percent", 0.4, "from 5% to 0.4%")),
        "");
  }
}
