package org.storybank.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;

class EventTypesTest {

  private final EventTypes<StoryEvent> types = EventTypes.of(StoryEvent.class);

  @Test
  void namesAnEventByItsRecordNameAndFindsItBack() {
    String name = types.nameOf(StoryDrafted.class);
    assertThat(name).isEqualTo("StoryDrafted");
    assertThat(types.typeNamed(name)).contains(StoryDrafted.class);
  }

  @Test
  void everyEventOfTheFamilyHasItsOwnName() {
    assertThat(types.typeNamed("StoryRevised")).isPresent();
    assertThat(types.typeNamed("EvaluationRecorded")).isPresent();
    for (Class<?> type : StoryEvent.class.getPermittedSubclasses()) {
      assertThat(types.typeNamed(type.getSimpleName())).get().isEqualTo(type);
    }
  }

  @Test
  void anUnknownNameFindsNothing() {
    assertThat(types.typeNamed("StoryShredded")).isEmpty();
  }

  @Test
  void refusesToNameAClassOutsideTheSealedFamily() {
    assertThatThrownBy(() -> types.nameOf(String.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnInterfaceThatIsNotSealed() {
    assertThatThrownBy(() -> EventTypes.of(Runnable.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventSurvivesTheJsonRoundTripConsumersDo() throws Exception {
    ObjectMapper json = new ObjectMapper();
    StoryDrafted drafted =
        new StoryDrafted(
            "s-1",
            "u-1",
            "cohort-1",
            "Title",
            List.of("ownership"),
            List.of(new PromptLink("p1", "Tell me", "")),
            Level.STAFF,
            new StarText("s", "t", "a", "r"));
    byte[] wire = json.writeValueAsBytes(drafted);
    assertThat(new String(wire)).contains("\"level\":\"staff\"");
    assertThat(json.readValue(wire, types.typeNamed("StoryDrafted").orElseThrow()))
        .isEqualTo(drafted);
  }
}
