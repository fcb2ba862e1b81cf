package org.storybank.query.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.search.corpus.SearchCorpus;
import org.storybank.query.search.corpus.SearchCorpus.Bank;
import org.storybank.query.search.corpus.SearchCorpus.Question;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.query.support.Stories;
import org.storybank.query.support.TestIndexes;

/**
 * Runs the corpus's questions through the real search over real Elasticsearch, each bank as one
 * candidate's stories, and scores the answers: reciprocal rank of the right story among the first
 * ten, right story first, the question's principle read first or among the first three, and what
 * the search says to a question no story answers.
 */
final class RelevanceRun {

  static final int DEPTH = 10;

  record Figures(
      String part,
      int questions,
      double mrr,
      int first,
      int principleQuestions,
      int principleFirst,
      int principleTop3,
      int unanswerable,
      int unanswerableToldNothingFits,
      int answerableToldNothingFits,
      List<String> lines) {

    double firstShare() {
      return questions == 0 ? 0 : (double) first / questions;
    }

    double principleFirstShare() {
      return principleQuestions == 0 ? 0 : (double) principleFirst / principleQuestions;
    }

    double principleTop3Share() {
      return principleQuestions == 0 ? 0 : (double) principleTop3 / principleQuestions;
    }

    String render(boolean details) {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "search, %s part: %d questions with an answer: MRR@%d %.3f, right story first %d"
                  + " (%.0f %%)%n  principle read first %d/%d (%.0f %%), in the first three %d/%d"
                  + " (%.0f %%)%n  no story fits: said for %d of %d unanswerable questions,"
                  + " wrongly for %d answerable ones%n",
              part,
              questions,
              DEPTH,
              mrr,
              first,
              100 * firstShare(),
              principleFirst,
              principleQuestions,
              100 * principleFirstShare(),
              principleTop3,
              principleQuestions,
              100 * principleTop3Share(),
              unanswerableToldNothingFits,
              unanswerable,
              answerableToldNothingFits));
      if (details) {
        lines.forEach(line -> out.append(line).append('\n'));
      }
      return out.toString();
    }
  }

  private RelevanceRun() {}

  static Figures run(String part, List<Bank> banks) {
    try (TestIndexes indexes = new TestIndexes()) {
      StoryEmbedder embedder = indexes.embedder();
      for (Bank bank : banks) {
        for (SearchCorpus.Story story : bank.stories()) {
          indexes.stories.write(embedder.embed(document(bank.bank(), story)));
        }
      }
      indexes.refresh();
      StorySearch search =
          new StorySearch(
              indexes.elasticsearch,
              indexes.stories,
              TestIndexes.embeddings(),
              TestIndexes.questionReader());
      return score(part, banks, search);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Figures score(String part, List<Bank> banks, StorySearch search) {
    int questions = 0;
    double reciprocal = 0;
    int first = 0;
    int principleQuestions = 0;
    int principleFirst = 0;
    int principleTop3 = 0;
    int unanswerable = 0;
    int toldNothingFits = 0;
    int wronglyToldNothingFits = 0;
    List<String> lines = new ArrayList<>();
    for (Bank bank : banks) {
      for (Question question : bank.questions()) {
        SearchResult result =
            search.search(
                new SearchScope.OwnStories(bank.bank()), StoryQuery.text(question.q(), DEPTH));
        List<String> ranked = result.hits().stream().map(SearchResult.Hit::storyId).toList();
        String top =
            result.hits().isEmpty()
                ? "no hit"
                : String.format(
                    Locale.ROOT,
                    "top: words %s, story %.2f, tags %s",
                    result.hits().get(0).match().lexicalRank(),
                    result.hits().get(0).match().storySimilarity() == null
                        ? Double.NaN
                        : result.hits().get(0).match().storySimilarity(),
                    result.hits().get(0).match().principlesMatched());
        boolean nothingFits = result.nothingFits();
        List<String> read = result.questionPrinciples();
        if (question.principle() != null) {
          principleQuestions++;
          if (!read.isEmpty() && read.get(0).equals(question.principle())) {
            principleFirst++;
          }
          if (read.stream().limit(3).anyMatch(question.principle()::equals)) {
            principleTop3++;
          }
        }
        if (!question.answerable()) {
          unanswerable++;
          if (nothingFits) {
            toldNothingFits++;
          }
          lines.add(
              String.format(
                  Locale.ROOT,
                  "  none  %-5s nothing fits %-5s %-72s got %s %s",
                  bank.bank(),
                  nothingFits,
                  cut(question.q()),
                  ranked.stream().limit(3).toList(),
                  top));
          continue;
        }
        questions++;
        if (nothingFits) {
          wronglyToldNothingFits++;
        }
        Set<String> wanted = new HashSet<>(question.answers());
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
          if (wanted.contains(ranked.get(i))) {
            rank = i + 1;
            break;
          }
        }
        reciprocal += rank == 0 ? 0 : 1.0 / rank;
        if (rank == 1) {
          first++;
        }
        lines.add(
            String.format(
                Locale.ROOT,
                "  rank %-3s %-5s %-72s wanted %s (%s), got %s, read %s, %s%s",
                rank == 0 ? "-" : rank,
                bank.bank(),
                cut(question.q()),
                wanted,
                question.principle(),
                ranked.stream().limit(3).toList(),
                read.stream().limit(3).toList(),
                top,
                nothingFits ? ", NOTHING FITS" : ""));
      }
    }
    return new Figures(
        part,
        questions,
        questions == 0 ? 0 : reciprocal / questions,
        first,
        principleQuestions,
        principleFirst,
        principleTop3,
        unanswerable,
        toldNothingFits,
        wronglyToldNothingFits,
        lines);
  }

  private static String cut(String text) {
    return text.length() <= 72 ? text : text.substring(0, 69) + "...";
  }

  static StoryDocument document(String candidate, SearchCorpus.Story story) {
    return Stories.banked(
        story.id(),
        candidate,
        story.title(),
        story.principles(),
        List.of(),
        story.level(),
        story.situation(),
        story.task(),
        story.action(),
        story.result());
  }
}
