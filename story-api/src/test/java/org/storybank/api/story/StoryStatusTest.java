package org.storybank.api.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;

class StoryStatusTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anArchivedStoryIsArchivedWhetherOrNotItWasReady() {
    assertThat(StoryStatus.of(true, true)).isEqualTo(StoryStatus.ARCHIVED);
    assertThat(StoryStatus.of(true, false)).isEqualTo(StoryStatus.ARCHIVED);
    assertThat(StoryStatus.of(false, true)).isEqualTo(StoryStatus.READY);
    assertThat(StoryStatus.of(false, false)).isEqualTo(StoryStatus.DRAFT);
  }

  @Test
  void readModelsAndExportsCarryTheLowerCaseId() throws Exception {
    assertThat(json.writeValueAsString(StoryStatus.READY)).isEqualTo("\"ready\"");
    assertThat(json.readValue("\"archived\"", StoryStatus.class)).isEqualTo(StoryStatus.ARCHIVED);
    assertThat(StoryStatus.ids()).isEqualTo("draft, ready, archived");
    assertThat(StoryStatus.READY.is("ready")).isTrue();
    assertThat(StoryStatus.READY.is("READY")).isFalse();
    assertThat(StoryStatus.READY.is(null)).isFalse();
  }

  @Test
  void anUnknownStatusIsNoStatus() {
    assertThat(StoryStatus.fromId("published")).isEmpty();
    assertThat(StoryStatus.fromId(null)).isEmpty();
    assertThatThrownBy(() -> json.readValue("\"Ready\"", StoryStatus.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("unknown story status 'Ready'");
  }
}
