package org.storybank.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts server processes that may outlive this JVM: their own session (no hangup when the terminal
 * that ran {@code ./storybank up} closes), stdin from /dev/null, output to a file rather than a
 * pipe nobody drains.
 */
final class DetachedProcess {

  private static void markStart(Path output) {
    String marker = "==== starting at " + Instant.now() + " ====\n";
    try {
      Files.writeString(output, marker, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new InfrastructureException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  /** Settings the JVM would pick up behind our back and that the servers' launchers warn about. */
  private static final List<String> INHERITED_JAVA_SETTINGS =
      List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME");

  private DetachedProcess() {}

  static Process start(
      List<String> command, Map<String, String> environment, Path workingDir, Path output) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            // appended, never truncated: what a crashed run printed stays readable
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .redirectErrorStream(true);
    INHERITED_JAVA_SETTINGS.forEach(builder.environment()::remove);
    markStart(output);
    builder.environment().putAll(environment);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot start "
              + command.get(0)
              + " ("
              + e.getMessage()
              + "): check that it is installed and executable",
          e);
    }
  }

  /**
   * {@code setsid} when available; it execs in place (our children are not group leaders), keeping
   * the pid.
   */
  static List<String> newSessionPrefix() {
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return List.of(candidate);
      }
    }
    return List.of();
  }
}
