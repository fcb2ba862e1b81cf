package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.storybank.query.search.corpus.SearchCorpus;

/**
 * Prompt search on the evaluation corpus's banks (corpus/README.md), through the real search on
 * real Elasticsearch. The tuning banks taught the principle reader, so their figures are in-sample;
 * the test banks are the honest ones. Floors sit somewhat below today's figures (README, "Judgement
 * on unseen stories"), so a change that makes search worse fails here.
 */
class CorpusRelevanceTest {

  @Test
  void tuningBanks() {
    RelevanceRun.Figures figures =
        RelevanceRun.run("tuning", SearchCorpus.load(SearchCorpus.TUNING));
    System.out.println(figures.render(false));
    assertThat(figures.mrr()).isGreaterThanOrEqualTo(0.70);
    assertThat(figures.answerableToldNothingFits()).isLessThanOrEqualTo(2);
  }

  @Test
  void testBanks() {
    RelevanceRun.Figures figures = RelevanceRun.run("test", SearchCorpus.load(SearchCorpus.TEST));
    System.out.println(figures.render(false));
    assertThat(figures.mrr()).isGreaterThanOrEqualTo(0.52);
    assertThat(figures.firstShare()).isGreaterThanOrEqualTo(0.40);
    assertThat(figures.principleFirstShare()).isGreaterThanOrEqualTo(0.50);
    assertThat(figures.principleTop3Share()).isGreaterThanOrEqualTo(0.70);
    assertThat(figures.answerableToldNothingFits()).isLessThanOrEqualTo(1);
  }
}
