package org.storybank.query.search.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The search part of the evaluation corpus ({@code corpus/search} at the repository root): banks of
 * one candidate's stories with interview questions labelled with the story that answers them. Which
 * banks tune and which test is fixed in {@code corpus/README.md}.
 */
public final class SearchCorpus {

  public static final List<String> TUNING = List.of("b2", "b3", "b4", "b5");
  public static final List<String> TEST = List.of("b1", "b6");

  public record Story(
      String id,
      String title,
      List<String> principles,
      String level,
      String situation,
      String task,
      String action,
      String result) {}

  public record Question(String q, String principle, List<String> answers) {
    public boolean answerable() {
      return !answers.isEmpty();
    }
  }

  public record Bank(
      String bank, String candidate, List<Story> stories, List<Question> questions) {}

  private SearchCorpus() {}

  public static List<Bank> load(List<String> banks) {
    ObjectMapper json =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Path dir = root().resolve("search");
    return banks.stream()
        .map(
            bank -> {
              try {
                return json.readValue(dir.resolve(bank + ".json").toFile(), Bank.class);
              } catch (IOException e) {
                throw new UncheckedIOException("cannot read search bank " + bank, e);
              }
            })
        .toList();
  }

  /** {@code corpus/} of the checkout, found upwards from the working directory. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path corpus = dir.resolve("corpus");
      if (Files.isDirectory(corpus.resolve("search"))) {
        return corpus;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no corpus/search above " + Path.of("").toAbsolutePath());
  }
}
