package org.storybank.evaluation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command in its own JVM, as `./storybank evaluate` runs it: exit codes are real, and standard
 * output carries the JSON and nothing else (no log lines, no banner).
 */
class EvaluateCommandProcessTest {

  private record Result(int status, String stdout, String stderr) {}

  private static Result runJava(String stdin, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EvaluateCommand.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void printsOnlyJsonAndExitsZero() throws Exception {
    String story =
        "[{\"id\":\"x\",\"principle\":\"frugality\",\"level\":\"entry\",\"prompt\":\"\","
            + "\"situation\":\"Our test servers ran all weekend.\",\"task\":\"\","
            + "\"action\":\"I scheduled them to stop at night.\",\"result\":\"The bill fell by 30%.\"}]";
    Result result = runJava(story, "-");
    assertThat(result.status()).isZero();
    assertThat(result.stdout().strip()).startsWith("[").endsWith("]");
    assertThat(new ObjectMapper().readTree(result.stdout()).get(0).get("id").asText())
        .isEqualTo("x");
  }

  @Test
  void exitsTwoOnBadInput() throws Exception {
    Result result = runJava("{oops", "-");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("not valid JSON");
  }
}
