package org.storybank.evaluation.bench;

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
    AgreementReport tuning =
        new AgreementReport(analyser, PitfallCorpus.load(PitfallCorpus.TUNING));
    System.out.println(tuning.render("pitfalls, tuning part", true));
    AgreementReport test = new AgreementReport(analyser, PitfallCorpus.load(PitfallCorpus.TEST));
    System.out.println(test.render("pitfalls, test part", false));
  }
}
