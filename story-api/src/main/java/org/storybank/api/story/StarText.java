package org.storybank.api.story;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four parts of a STAR story, as the candidate wrote them. Empty parts are allowed in a draft.
 */
public record StarText(String situation, String task, String action, String result) {

  public StarText {
    situation = nullToEmpty(situation);
    task = nullToEmpty(task);
    action = nullToEmpty(action);
    result = nullToEmpty(result);
  }

  /** The parts by their field name, in STAR order. */
  public Map<String, String> byField() {
    var fields = new LinkedHashMap<String, String>();
    for (StarField field : StarField.values()) {
      fields.put(field.id(), field.of(this));
    }
    return fields;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
