package org.storybank.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK to launch servers with; the default {@code java} on our machines is 17, too old for
 * Elasticsearch.
 */
public final class Jdk {

  private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
  private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

  private Jdk() {}

  /**
   * The running JVM's home if it is 21+, else JAVA_HOME if 21+, else the newest 21+ JDK in
   * /usr/lib/jvm.
   */
  public static Path find21Plus() {
    return findAtLeast(21)
        .orElseThrow(
            () ->
                new InfrastructureException(
                    "no JDK 21+ found (running JVM is "
                        + Runtime.version().feature()
                        + ", none in JAVA_HOME or "
                        + JVM_DIRECTORY
                        + "): install one, e.g. temurin-25-jdk"));
  }

  /**
   * The running JVM's home if it is at least {@code feature}, else another JDK as in {@link
   * #find21Plus()}.
   */
  public static Optional<Path> findAtLeast(int feature) {
    if (Runtime.version().feature() >= feature) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    Optional<Path> fromJavaHome =
        Optional.ofNullable(System.getenv("JAVA_HOME"))
            .map(Path::of)
            .filter(home -> featureVersion(home).orElse(0) >= feature);
    if (fromJavaHome.isPresent()) {
      return fromJavaHome;
    }
    return installedJdks().stream()
        .filter(home -> featureVersion(home).orElse(0) >= feature)
        .max(Comparator.comparingInt(home -> featureVersion(home).orElse(0)));
  }

  public static Path javaExecutable(Path javaHome) {
    return javaHome.resolve("bin").resolve("java");
  }

  static Optional<Integer> featureVersion(Path javaHome) {
    Path release = javaHome.resolve("release");
    if (!Files.isExecutable(javaExecutable(javaHome)) || !Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release));
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<Path> installedJdks() {
    if (!Files.isDirectory(JVM_DIRECTORY)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(JVM_DIRECTORY)) {
      return entries.map(Jdk::realPath).flatMap(Optional::stream).distinct().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<Path> realPath(Path path) {
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
