package org.storybank.query.coverage;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.story.StoryStatus;
import org.storybank.query.access.CandidateAccess;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.PromptPrinciples;
import org.storybank.rubric.RubricCatalog;
import org.storybank.security.Caller;

@RestController
class CoverageController {

  private final CandidateAccess access;
  private final StoriesIndex stories;
  private final CoverageCalculator calculator;

  CoverageController(
      CandidateAccess access,
      StoriesIndex stories,
      RubricCatalog catalog,
      PromptPrinciples promptPrinciples) {
    this.access = access;
    this.stories = stories;
    this.calculator =
        new CoverageCalculator(catalog.principles(), promptPrinciples.catalogPrompts());
  }

  @GetMapping("/api/candidates/{candidateId}/coverage")
  Coverage coverage(Caller caller, @PathVariable String candidateId) {
    access.checkRead(caller, candidateId);
    List<StoryDocument> bank =
        stories.storiesOf(candidateId).stream()
            .filter(story -> !StoryStatus.ARCHIVED.is(story.status()))
            .toList();
    return calculator.of(candidateId, bank);
  }
}
