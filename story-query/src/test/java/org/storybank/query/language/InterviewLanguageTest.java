package org.storybank.query.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterviewLanguageTest {

  private final InterviewLanguage language = InterviewLanguage.instance();

  @Test
  void inflectionsOfAWordShareOneTerm() {
    assertThat(language.indexTerms("deployments")).isEqualTo(language.indexTerms("deployment"));
    assertThat(language.indexTerms("migrated")).isEqualTo(language.indexTerms("migrating"));
  }

  @Test
  void interviewSynonymsFoldIntoOneTerm() {
    assertThat(language.queryTerms("Tell me about a time you disagreed with your boss"))
        .containsExactly("disagre", "manag");
    assertThat(language.indexTerms("I pushed back on my supervisor's plan"))
        .contains("disagre")
        .contains("manag")
        .doesNotContain("push");
    assertThat(language.indexTerms("the outage")).isEqualTo(language.indexTerms("the incident"));
  }

  @Test
  void stopWordsAndPromptBoilerplateAreDroppedFromQueries() {
    assertThat(language.queryTerms("Describe a situation when you had to give an example"))
        .isEmpty();
    assertThat(language.indexTerms("it was the time of the migration")).contains("time");
  }

  @Test
  void spansPointAtTheWordsInTheOriginalText() {
    String text = "We pushed back on the plan.";
    assertThat(language.spans(text))
        .anySatisfy(
            span -> {
              assertThat(span.term()).isEqualTo("disagre");
              assertThat(text.substring(span.start(), span.end())).isEqualTo("pushed back");
            });
  }
}
