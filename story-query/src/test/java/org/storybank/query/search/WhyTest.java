package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storybank.query.semantic.InferredPrinciple;

class WhyTest {

  @Test
  void onlySimilaritiesThatCountAsAMatchAreGivenAsReasons() {
    List<String> weak =
        Why.of(
            new SearchResult.Match(1, 0.12, 0.43, List.of()),
            List.of(),
            Map.of("action", List.of("I <em>pushed</em> back")));
    assertThat(weak).containsExactly("the question's words appear in its action");

    List<String> strong =
        Why.of(new SearchResult.Match(null, 0.41, 0.62, List.of()), List.of(), Map.of());
    assertThat(strong)
        .containsExactly(
            "a prompt it is linked to asks much the same (similarity 0.62)",
            "what it tells is close in meaning to the question (similarity 0.41)");
  }

  @Test
  void aPrincipleTheCatalogReadInTheQuestionComesFirst() {
    List<String> reasons =
        Why.of(
            new SearchResult.Match(null, null, null, List.of("have-backbone")),
            List.of(
                new InferredPrinciple("have-backbone", 0.8, "the question is about disagreeing")),
            Map.of());
    assertThat(reasons).containsExactly("tagged have-backbone: the question is about disagreeing");
  }
}
