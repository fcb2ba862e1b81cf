package org.storybank.command.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storybank.api.story.StarField;

/** What changed between two revisions of a story, per field, word by word. */
public final class RevisionDiff {

  public record Change(String type, String before, String after) {}

  public record FieldDiff(String field, String before, String after, List<Change> changes) {}

  private RevisionDiff() {}

  public static List<FieldDiff> between(StoryState from, StoryState to) {
    Map<String, String[]> fields = new LinkedHashMap<>();
    fields.put("title", new String[] {from.title(), to.title()});
    fields.put("level", new String[] {from.level(), to.level()});
    fields.put(StarField.SITUATION.id(), new String[] {from.situation(), to.situation()});
    fields.put(StarField.TASK.id(), new String[] {from.task(), to.task()});
    fields.put(StarField.ACTION.id(), new String[] {from.action(), to.action()});
    fields.put(StarField.RESULT.id(), new String[] {from.result(), to.result()});
    List<FieldDiff> diffs = new ArrayList<>();
    fields.forEach(
        (field, texts) -> {
          List<Change> changes = wordChanges(texts[0], texts[1]);
          if (!changes.isEmpty()) {
            diffs.add(new FieldDiff(field, texts[0], texts[1], changes));
          }
        });
    return diffs;
  }

  static List<Change> wordChanges(String before, String after) {
    List<String> beforeWords = words(before);
    List<String> afterWords = words(after);
    List<Change> changes = new ArrayList<>();
    for (AbstractDelta<String> delta : DiffUtils.diff(beforeWords, afterWords).getDeltas()) {
      changes.add(
          new Change(
              delta.getType().name().toLowerCase(java.util.Locale.ROOT),
              String.join(" ", delta.getSource().getLines()),
              String.join(" ", delta.getTarget().getLines())));
    }
    return changes;
  }

  private static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
  }
}
