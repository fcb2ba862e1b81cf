package org.storybank.evaluation.labelled;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads labelled stories from the test resources. */
public final class LabelledSet {

  private LabelledSet() {}

  public static List<LabelledStory> load(String resource) {
    try (InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      return new YAMLMapper().readValue(in, new TypeReference<List<LabelledStory>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<LabelledStory> all() {
    List<LabelledStory> dev = load("labelled/dev.yaml");
    List<LabelledStory> holdout = load("labelled/holdout.yaml");
    return java.util.stream.Stream.concat(dev.stream(), holdout.stream()).toList();
  }
}
