package org.storybank.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The ports a server instance was started with, kept in its instance dir so another JVM can find
 * it.
 */
final class InstanceProperties {

  private static final String FILE_NAME = "storybank-instance.properties";

  private final Properties values;

  private InstanceProperties(Properties values) {
    this.values = values;
  }

  static InstanceProperties empty() {
    return new InstanceProperties(new Properties());
  }

  static InstanceProperties read(Path instanceDir) {
    Properties values = new Properties();
    Path file = instanceDir.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        values.load(in);
      } catch (IOException e) {
        // unreadable: behave as if the instance had never been started
      }
    }
    return new InstanceProperties(values);
  }

  InstanceProperties with(String key, int value) {
    values.setProperty(key, Integer.toString(value));
    return this;
  }

  Optional<Integer> port(String key) {
    try {
      return Optional.ofNullable(values.getProperty(key)).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  void write(Path instanceDir) {
    try (Writer out = Files.newBufferedWriter(instanceDir.resolve(FILE_NAME))) {
      values.store(out, "written by org.storybank.infra");
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot write "
              + instanceDir.resolve(FILE_NAME)
              + " ("
              + e.getMessage()
              + "): check permissions of "
              + instanceDir,
          e);
    }
  }
}
