package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.query.support.Stories;
import org.storybank.query.support.TestIndexes;

/**
 * Does the right story come first? A bank of 28 stories and 14 questions phrased the way
 * interviewers ask, none reusing the distinctive words of the story it should find. Prints each
 * question's rank and the mean reciprocal rank; fails below 0.65.
 */
class RelevanceTest {

  record BankStory(
      String id,
      String title,
      List<String> principles,
      String level,
      List<String> prompts,
      String situation,
      String task,
      String action,
      String result) {}

  record Question(String q, List<String> relevant, List<String> alsoRelevant) {}

  record Bank(List<BankStory> stories, List<Question> questions) {}

  private static final String CANDIDATE = "relevance-candidate";
  private static TestIndexes indexes;
  private static StorySearch search;
  private static Bank bank;

  @BeforeAll
  static void indexTheBank() throws IOException {
    try (InputStream in = RelevanceTest.class.getResourceAsStream("/search/relevance-bank.json")) {
      bank = new ObjectMapper().readValue(in, Bank.class);
    }
    indexes = new TestIndexes();
    StoryEmbedder embedder = indexes.embedder();
    for (BankStory story : bank.stories()) {
      indexes.stories.write(embedder.embed(document(story)));
    }
    indexes.refresh();
    search =
        new StorySearch(
            indexes.elasticsearch,
            indexes.stories,
            TestIndexes.embeddings(),
            TestIndexes.questionReader());
  }

  @AfterAll
  static void dropTheBank() throws IOException {
    indexes.close();
  }

  @Test
  void theRightStoryComesFirstForMostQuestions() {
    assertThat(bank.stories()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(12);
    double reciprocalRanks = 0;
    List<String> report = new ArrayList<>();
    for (Question question : bank.questions()) {
      Set<String> wanted = new HashSet<>(question.relevant());
      wanted.addAll(question.alsoRelevant());
      SearchResult result =
          search.search(new SearchScope.OwnStories(CANDIDATE), StoryQuery.text(question.q(), 10));
      List<String> ranked = result.hits().stream().map(SearchResult.Hit::storyId).toList();
      int rank = 0;
      for (int i = 0; i < ranked.size(); i++) {
        if (wanted.contains(ranked.get(i))) {
          rank = i + 1;
          break;
        }
      }
      reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
      report.add(
          String.format(
              Locale.ROOT,
              "  rank %s  %-70s wanted %s, got %s",
              rank == 0 ? "-" : rank,
              question.q(),
              wanted,
              ranked.stream().limit(3).toList()));
    }
    double mrr = reciprocalRanks / bank.questions().size();
    System.out.printf(
        Locale.ROOT,
        "relevance: %d stories, %d questions, MRR %.3f%n%s%n",
        bank.stories().size(),
        bank.questions().size(),
        mrr,
        String.join("\n", report));
    // this bank was written by the hands that tuned the first search (0.857 then); the corpus's
    // test banks are the honest measure now (CorpusRelevanceTest), this one guards linked prompts
    assertThat(mrr).as("mean reciprocal rank").isGreaterThanOrEqualTo(0.65);
  }

  private static StoryDocument document(BankStory story) {
    return Stories.banked(
        story.id(),
        CANDIDATE,
        story.title(),
        story.principles(),
        story.prompts(),
        story.level(),
        story.situation(),
        story.task(),
        story.action(),
        story.result());
  }
}
