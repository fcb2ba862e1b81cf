package org.storybank.evaluation.bench;

import java.util.List;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.evaluation.labelled.AgreementReport;
import org.storybank.evaluation.labelled.PitfallCorpus;
import org.storybank.rubric.RubricCatalog;

/**
 * {@code ./storybank bench relevance} (judgement half): the analyser against the corpus's labelled
 * stories, tuning part story by story, test part only in sum (nobody tunes against what they cannot
 * read).
 */
public final class JudgementBenchmark {

  private JudgementBenchmark() {}

  public static void main(String[] args) {
    StoryAnalyser analyser = new StoryAnalyser(RubricCatalog.load());
    List<String> tuningFiles = args.length > 0 ? List.of(args[0].split(",")) : PitfallCorpus.TUNING;
    // "none" leaves the test part unread (a tuning session must not look at it by accident)
    List<String> testFiles =
        args.length > 1
            ? "none".equals(args[1]) ? List.of() : List.of(args[1].split(","))
            : PitfallCorpus.TEST;
    AgreementReport tuning = new AgreementReport(analyser, PitfallCorpus.load(tuningFiles));
    System.out.println(tuning.render("pitfalls, tuning part " + tuningFiles, true));
    if (!testFiles.isEmpty()) {
      AgreementReport test = new AgreementReport(analyser, PitfallCorpus.load(testFiles));
      System.out.println(test.render("pitfalls, test part " + testFiles, false));
    }
  }
}
