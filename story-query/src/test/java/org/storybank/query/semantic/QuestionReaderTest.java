package org.storybank.query.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.query.support.TestIndexes;

/** The shipped classifier on the real bge-small model, for questions phrased as interviewers do. */
class QuestionReaderTest {

  private final QuestionReader reader = TestIndexes.questionReader();

  private List<String> read(String question) {
    return reader.read(question).stream().map(InferredPrinciple::principle).toList();
  }

  @Test
  void readsThePrincipleAQuestionProbesWithoutItsName() {
    assertThat(read("Tell me about a time you had to do more with a much smaller budget.").get(0))
        .isEqualTo("frugality");
    assertThat(read("Describe a time you told your boss their plan was wrong.").subList(0, 3))
        .contains("have-backbone");
    assertThat(
            read("Walk me through how you found the root cause of a number nobody could explain."))
        .first()
        .isEqualTo("dive-deep");
  }

  @Test
  void aFewWordsAreASearchForThoseWordsNotAQuestion() {
    assertThat(reader.read("Henderson")).isEmpty();
    assertThat(reader.read("  deploy pipeline  q3 ")).isEmpty();
    assertThat(reader.read("When did you cut costs?")).isNotEmpty();
  }

  @Test
  void probabilitiesAreOrderedAndBoundedWithAReason() {
    List<InferredPrinciple> read = reader.read("Tell me about a time you helped a new hire grow.");
    assertThat(read)
        .hasSizeGreaterThanOrEqualTo(QuestionReader.ALWAYS_READ)
        .hasSizeLessThanOrEqualTo(QuestionReader.MAX_PRINCIPLES);
    double total = 0;
    for (int i = 0; i < read.size(); i++) {
      InferredPrinciple p = read.get(i);
      assertThat(p.strength()).isBetween(0.0, 1.0);
      assertThat(p.reason()).contains("%");
      if (i > 0) {
        assertThat(p.strength()).isLessThanOrEqualTo(read.get(i - 1).strength());
      }
      total += p.strength();
    }
    assertThat(total).isLessThanOrEqualTo(1.0001);
  }
}
