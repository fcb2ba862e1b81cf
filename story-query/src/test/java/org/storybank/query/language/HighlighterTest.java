package org.storybank.query.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlighterTest {

  private final InterviewLanguage language = InterviewLanguage.instance();
  private final Highlighter highlighter = new Highlighter(language, 2);

  @Test
  void marksStemsAndSynonymsInTheSentencesThatHoldThem() {
    String action =
        "I read the logs. I pushed back on my boss's rollout plan. Then we migrated the queue.";

    assertThat(highlighter.highlight(action, language.queryTerms("disagree with your manager")))
        .containsExactly("I <em>pushed back</em> on my <em>boss's</em> rollout plan.");
  }

  @Test
  void keepsTheSentencesWithMostTermsInTheirOriginalOrder() {
    String text = "The queue alone. Nothing here. Migrations and the queue. Migration again.";

    assertThat(highlighter.highlight(text, language.queryTerms("migrate the queue")))
        .containsExactly(
            "The <em>queue</em> alone.", "<em>Migrations</em> and the <em>queue</em>.");
  }

  @Test
  void markupInTheStoryIsEscapedNotPassedThrough() {
    String text = "I fixed the <script>alert('x')</script> outage & wrote it up.";

    assertThat(highlighter.highlight(text, language.queryTerms("incident")))
        .singleElement()
        .satisfies(
            fragment -> {
              assertThat(fragment).doesNotContain("<script>");
              assertThat(fragment).contains("&lt;script&gt;").contains("<em>outage</em> &amp;");
            });
  }

  @Test
  void nothingMatchedMeansNoFragments() {
    assertThat(highlighter.highlight("A quiet story.", language.queryTerms("kubernetes")))
        .isEmpty();
  }
}
