package org.storybank.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VectorEncodingTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aVectorTravelsAsBigEndianFloat32Base64() {
    // 1.0f is 3F 80 00 00 and -2.0f is C0 00 00 00, big-endian
    assertThat(VectorEncoding.encode(new float[] {1.0f, -2.0f})).isEqualTo("P4AAAMAAAAA=");
    float[] vector = {0.125f, -0.33f, 7.5e-4f, Float.MIN_VALUE};
    assertThat(VectorEncoding.decode(VectorEncoding.encode(vector))).containsExactly(vector);
  }

  @Test
  void storyVectorsAreWrittenAsBase64AndReadInEitherForm() throws Exception {
    StoryVectors vectors = new StoryVectors(new float[] {1.0f, -2.0f}, null, "hash");
    String written = json.writeValueAsString(vectors);
    assertThat(written).contains("\"story\":\"P4AAAMAAAAA=\"").contains("\"prompts\":null");
    assertThat(json.readValue(written, StoryVectors.class).story()).containsExactly(1.0f, -2.0f);

    StoryVectors older =
        json.readValue(
            "{\"story\":[1.0,-2.0],\"prompts\":[0.5],\"source\":\"hash\"}", StoryVectors.class);
    assertThat(older.story()).containsExactly(1.0f, -2.0f);
    assertThat(older.prompts()).containsExactly(0.5f);
  }

  @Test
  void aBrokenVectorIsRefusedByName() {
    assertThatThrownBy(() -> VectorEncoding.decode("AAAAAAA="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole float32 values");
    assertThatThrownBy(
            () -> json.readValue("{\"story\":\"AAAAAAA=\",\"source\":\"x\"}", StoryVectors.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("float32");
  }
}
