package org.storybank.query.search;

import java.util.List;

/**
 * The prompt search, for other features: the stories of one candidate that answer a free-text
 * interview question, best first, and the principles the question was read as probing.
 */
public class QuestionAnswers {

  /** What the search found: story ids best first, and the principles read into the question. */
  public record Answers(List<String> storyIds, List<String> principles) {}

  private final StorySearch search;

  public QuestionAnswers(StorySearch search) {
    this.search = search;
  }

  public Answers of(String candidateId, String question, int size) {
    SearchResult result =
        search.search(new SearchScope.OwnStories(candidateId), StoryQuery.text(question, size));
    return new Answers(
        result.hits().stream().map(SearchResult.Hit::storyId).toList(),
        result.questionPrinciples() == null ? List.of() : result.questionPrinciples());
  }
}
