package org.storybank.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Older shapes of stored events and how to read them as the current one. The command side's
 * upcasters and the query side's rebuild both read the event store, so both use these.
 */
public final class StoredEventShapes {

  private StoredEventShapes() {}

  /**
   * {@code StoryDrafted} before revision 2 held its prompts as plain strings; now each is a link
   * with an id ("p1", "p2", … in order) and an empty angle.
   */
  public static JsonNode storyDraftedToRevision2(JsonNode payload) {
    ObjectNode drafted = ((ObjectNode) payload).deepCopy();
    ArrayNode linked = drafted.arrayNode();
    JsonNode prompts = drafted.path("prompts");
    for (int i = 0; i < prompts.size(); i++) {
      ObjectNode link = linked.addObject();
      link.put("promptId", "p" + (i + 1));
      link.put("text", prompts.get(i).asText());
      link.put("angle", "");
    }
    drafted.set("prompts", linked);
    return drafted;
  }
}
