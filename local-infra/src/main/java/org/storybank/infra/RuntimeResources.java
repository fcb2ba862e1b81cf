package org.storybank.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads where local-infra-runtime's build put the Kafka jars and the Elasticsearch zip. */
final class RuntimeResources {

  private static final String FIX = "build it with: mvn -pl local-infra-runtime install";

  private RuntimeResources() {}

  static Path elasticsearchZip() {
    Path zip = Path.of(read("elasticsearch.distribution").trim());
    if (!Files.isRegularFile(zip)) {
      throw new InfrastructureException(
          "the Elasticsearch distribution " + zip + " is missing: " + FIX);
    }
    return zip;
  }

  static String kafkaClasspath() {
    String classpath = read("kafka.classpath").trim();
    List<String> missing =
        Arrays.stream(classpath.split(":"))
            .filter(jar -> !Files.isRegularFile(Path.of(jar)))
            .toList();
    if (!missing.isEmpty()) {
      throw new InfrastructureException(
          "the Kafka broker jar " + missing.getFirst() + " is missing: " + FIX);
    }
    return classpath;
  }

  private static String read(String name) {
    try (InputStream in = RuntimeResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new InfrastructureException(
            "classpath resource org/storybank/infra/"
                + name
                + " is missing: add org.storybank:local-infra-runtime and "
                + FIX);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot read classpath resource " + name + " (" + e.getMessage() + "): " + FIX, e);
    }
  }
}
