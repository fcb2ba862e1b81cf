package org.storybank.evaluation.labelled;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pitfall part of the evaluation corpus ({@code corpus/pitfalls} at the repository root):
 * stories written and labelled by people who never saw the analyser. Which files tune and which
 * test is fixed in {@code corpus/README.md}.
 */
public final class PitfallCorpus {

  public static final List<String> TUNING = List.of("p1", "p2");
  public static final List<String> TEST = List.of("p3", "p4");

  record Entry(
      String id,
      String principle,
      String level,
      String prompt,
      String situation,
      String task,
      String action,
      String result,
      Labels labels) {}

  record Labels(boolean meetsBar, String verdict, List<Finding> pitfalls) {}

  record Finding(String id, String evidence) {}

  private PitfallCorpus() {}

  public static List<LabelledStory> load(List<String> files) {
    ObjectMapper json =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    List<LabelledStory> stories = new ArrayList<>();
    for (String file : files) {
      try {
        Entry[] entries =
            json.readValue(
                root().resolve("pitfalls").resolve(file + ".json").toFile(), Entry[].class);
        for (Entry entry : entries) {
          stories.add(
              new LabelledStory(
                  entry.id(),
                  entry.principle(),
                  entry.level(),
                  entry.prompt() == null ? "" : entry.prompt(),
                  entry.situation(),
                  entry.task(),
                  entry.action(),
                  entry.result(),
                  new LabelledStory.Expected(
                      entry.labels().meetsBar(),
                      entry.labels().pitfalls().stream().map(Finding::id).toList())));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read corpus file " + file, e);
      }
    }
    return stories;
  }

  /** {@code corpus/} of the checkout, found upwards from the working directory. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path corpus = dir.resolve("corpus");
      if (Files.isDirectory(corpus.resolve("pitfalls"))) {
        return corpus;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no corpus/pitfalls above " + Path.of("").toAbsolutePath());
  }
}
