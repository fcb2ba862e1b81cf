package org.storybank.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.storybank.api.story.StoryDrafted;
import org.storybank.messaging.StoredEventShapes;

/**
 * Reads {@code StoryDrafted} as first written (no revision: prompts as plain strings) in today's
 * shape (revision 2: prompts as links with an id and an empty angle). The ids are the prompts'
 * positions, which is all the old shape knew about them.
 */
@Component
@Order(0)
class StoryDraftedUpcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType FIRST_SHAPE =
      new SimpleSerializedType(StoryDrafted.class.getName(), null);

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation event) {
    return event.getType().equals(FIRST_SHAPE);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
    return event.upcastPayload(
        new SimpleSerializedType(StoryDrafted.class.getName(), "2"),
        JsonNode.class,
        StoryDraftedUpcaster::linkPrompts);
  }

  static JsonNode linkPrompts(JsonNode payload) {
    return StoredEventShapes.storyDraftedToRevision2(payload);
  }
}
