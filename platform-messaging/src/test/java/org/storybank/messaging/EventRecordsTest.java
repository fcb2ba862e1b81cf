package org.storybank.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;

class EventRecordsTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final StoryDrafted DRAFTED =
      new StoryDrafted(
          "s-1",
          "a-1",
          "c-1",
          "T",
          List.of("ownership"),
          List.of(),
          Level.MID,
          new StarText("s", "t", "a", "r"));

  private final EventRecords<StoryEvent> records =
      EventRecords.of(StoryEvent.class, JSON, StoryEvent::storyId);

  @Test
  void readsTheEventAndItsEnvelope() throws Exception {
    var received = records.read(record("StoryDrafted", JSON.writeValueAsBytes(DRAFTED), "4"));
    assertThat(received.event()).isEqualTo(DRAFTED);
    assertThat(received.eventId()).isEqualTo("e-1");
    assertThat(received.aggregateId()).isEqualTo("s-1");
    assertThat(received.sequence()).isEqualTo(4);
    assertThat(received.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }

  @Test
  void readsConfidentialSpansAndARevisionWithThem() throws Exception {
    StoryDrafted secret =
        new StoryDrafted(
            "s-1",
            "a-1",
            "c-1",
            "T",
            List.of(),
            List.of(),
            Level.MID,
            new StarText("s", "t", "a secret", "r"),
            List.of(new org.storybank.api.story.ConfidentialSpan("action", 2, 8)));
    assertThat(records.read(record("StoryDrafted", JSON.writeValueAsBytes(secret), "0")).event())
        .isEqualTo(secret);
    var revised =
        new org.storybank.api.story.StoryEvents.StoryRevised(
            "s-1",
            "a-1",
            2,
            "T",
            Level.MID,
            new StarText("s", "t", "a secret", "r"),
            List.of(new org.storybank.api.story.ConfidentialSpan("action", 2, 8)));
    assertThat(records.read(record("StoryRevised", JSON.writeValueAsBytes(revised), "1")).event())
        .isEqualTo(revised);
  }

  @Test
  void refusesWhatItCannotReadAndSaysWhy() throws Exception {
    assertThatThrownBy(() -> records.read(record("StoryDrafted", null, "4")))
        .isInstanceOf(UnreadableRecord.class)
        .hasMessage("empty record");
    assertThatThrownBy(
            () -> records.read(record("StoryShredded", JSON.writeValueAsBytes(DRAFTED), "4")))
        .isInstanceOf(UnreadableRecord.class)
        .hasMessageContaining("unknown event type StoryShredded");
    assertThatThrownBy(
            () ->
                records.read(
                    record("StoryDrafted", "{not json".getBytes(StandardCharsets.UTF_8), "4")))
        .isInstanceOf(UnreadableRecord.class)
        .hasMessageContaining("unreadable StoryDrafted");
    assertThatThrownBy(
            () -> records.read(record("StoryDrafted", JSON.writeValueAsBytes(DRAFTED), null)))
        .isInstanceOf(UnreadableRecord.class)
        .hasMessageContaining("incomplete envelope");
  }

  @Test
  void refusesAnEventThatNamesNoOrAnotherAggregateThanItsEnvelope() {
    assertThatThrownBy(
            () -> records.read(record("StoryArchived", "{}".getBytes(StandardCharsets.UTF_8), "4")))
        .isInstanceOf(UnreadableRecord.class)
        .hasMessage("StoryArchived names aggregate null, its envelope s-1");
  }

  private static ConsumerRecord<String, byte[]> record(String type, byte[] value, String sequence) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(EventTopics.STORY_EVENTS, 0, 7L, "s-1", value);
    add(record, EventTopics.HEADER_EVENT_TYPE, type);
    add(record, EventTopics.HEADER_EVENT_ID, "e-1");
    add(record, EventTopics.HEADER_AGGREGATE_ID, "s-1");
    add(record, EventTopics.HEADER_SEQUENCE, sequence);
    add(record, EventTopics.HEADER_TIMESTAMP, "2026-11-25T10:00:00Z");
    return record;
  }

  private static void add(ConsumerRecord<String, byte[]> record, String name, String value) {
    if (value != null) {
      record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
