package org.storybank.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code ./storybank} script the way a person would, with its own ports and
 * state.
 */
final class StorybankProcess {

  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private final Map<String, String> environment;

  StorybankProcess(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The same script with some settings changed (another database, another state directory). */
  StorybankProcess with(Map<String, String> changed) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(changed);
    return new StorybankProcess(merged);
  }

  record Outcome(int exitCode, String output) {}

  Outcome run(Duration timeout, String... arguments) throws IOException, InterruptedException {
    Path output = Files.createTempFile("storybank-script", ".out");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  concat(List.of("bash", REPOSITORY.resolve("storybank").toString()), arguments))
              .directory(REPOSITORY.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      Map<String, String> env = new HashMap<>(builder.environment());
      env.putAll(environment);
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Outcome(-1, Files.readString(output, StandardCharsets.UTF_8) + "\n[timed out]");
      }
      return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    var all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
