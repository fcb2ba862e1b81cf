package org.storybank.query.rebuild;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.messaging.StoredEventShapes;

/**
 * Turns a stored payload back into the story, cohort or loop event it was, reading older shapes as
 * the current one. Other payloads (none today) are skipped.
 */
class StoredEventDecoder {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ConcurrentHashMap<String, Optional<Class<?>>> types = new ConcurrentHashMap<>();

  Optional<Object> decode(StoredEvent stored) {
    Optional<Class<?>> type =
        types.computeIfAbsent(stored.payloadType(), StoredEventDecoder::known);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (type.get() == StoryDrafted.class && stored.payloadRevision() == null) {
        JsonNode current =
            StoredEventShapes.storyDraftedToRevision2(json.readTree(stored.payload()));
        return Optional.of(json.treeToValue(current, StoryDrafted.class));
      }
      return Optional.of(json.readValue(stored.payload(), type.get()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "event " + stored.eventId() + " (" + stored.payloadType() + ") cannot be read", e);
    }
  }

  private static Optional<Class<?>> known(String payloadType) {
    try {
      Class<?> type = Class.forName(payloadType);
      return StoryEvent.class.isAssignableFrom(type)
              || CohortEvent.class.isAssignableFrom(type)
              || LoopEvent.class.isAssignableFrom(type)
          ? Optional.of(type)
          : Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }
}
