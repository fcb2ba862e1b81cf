package org.storybank.query.search;

import org.storybank.query.search.corpus.SearchCorpus;

/**
 * {@code ./storybank bench relevance} (search half): the corpus's tuning and test banks through the
 * real search on a real Elasticsearch node. The tuning part is printed question by question; the
 * test part only in sum, so that nobody tunes against it by reading it.
 */
public final class RelevanceBenchmark {

  private RelevanceBenchmark() {}

  public static void main(String[] args) {
    RelevanceRun.Figures tuning =
        RelevanceRun.run("tuning", SearchCorpus.load(SearchCorpus.TUNING));
    System.out.println(tuning.render(true));
    if (args.length == 0 || !args[0].equals("tuning")) {
      RelevanceRun.Figures test = RelevanceRun.run("test", SearchCorpus.load(SearchCorpus.TEST));
      System.out.println(test.render(false));
    }
    System.exit(0); // the shared servers stop in their shutdown hook
  }
}
