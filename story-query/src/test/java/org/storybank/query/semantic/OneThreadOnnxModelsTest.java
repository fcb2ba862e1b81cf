package org.storybank.query.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneThreadOnnxModelsTest {

  @Test
  void miniLmOnOneThreadGivesTheJarModelsVectors() {
    assertSameVectors(new AllMiniLmL6V2QuantizedEmbeddingModel(), OneThreadOnnxModels.miniLm());
  }

  @Test
  void bgeSmallOnOneThreadGivesTheJarModelsVectors() {
    assertSameVectors(new BgeSmallEnV15QuantizedEmbeddingModel(), OneThreadOnnxModels.bgeSmall());
  }

  private static void assertSameVectors(EmbeddingModel jars, EmbeddingModel ours) {
    for (String text :
        List.of(
            "Tell me about a time you took ownership of a problem nobody owned.",
            "I traced the failures to an upload race and added a checksum gate; failures fell"
                + " from 20% to under 1% within two weeks.",
            "x")) {
      float[] expected = jars.embed(text).content().vector();
      float[] actual = ours.embed(text).content().vector();
      assertThat(actual).hasSize(384);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
      }
    }
  }
}
