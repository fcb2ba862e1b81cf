package org.storybank.evaluation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String STORY =
      """
      {"id":"s-1","principle":"ownership","level":"senior",
       "prompt":"Tell me about a problem beyond your remit that you fixed.",
       "situation":"Our nightly billing export failed twice a month and nobody owned it after a reorganisation; finance reran it by hand each time.",
       "task":"It was not my team's job, but I offered to fix it after agreeing with my manager and the data platform lead that their team would run it afterwards.",
       "action":"I read the logs of the last eight failures and found a timeout on one slow table. I chose to split that table into daily chunks rather than raise the timeout, added checkpoints so a restart resumes, set up an alert for the platform on-call and walked their team through the runbook.",
       "result":"Failures went from two a month to zero over the next six months, finance closes two days earlier, and the platform team has owned the job since. I learned to agree on the owner before writing the fix."}
      """;

  private static final String EMPTY_TASK =
      """
      {"id":"s-2","principle":"dive-deep","level":"mid","prompt":"","situation":"Payments failed at midnight.",
       "task":"","action":"I compared the failing and passing requests and found a time-zone bug in the date check; I fixed it and added tests for midnight in three time zones.",
       "result":"Failures dropped from 300 a night to none."}
      """;

  private record Run(int status, String stdout, String stderr) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new EvaluateCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void writesOneEvaluationPerStoryInOrderInTheContractsShape(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stories.json");
    Files.writeString(file, "[" + STORY + "," + EMPTY_TASK + "]");

    Run run = run("", file.toString());

    assertThat(run.status()).isZero();
    assertThat(run.stderr()).isEmpty();
    JsonNode output = JSON.readTree(run.stdout());
    assertThat(output.isArray()).isTrue();
    assertThat(output).hasSize(2);
    assertThat(output.get(0).get("id").asText()).isEqualTo("s-1");
    assertThat(output.get(1).get("id").asText()).isEqualTo("s-2");
    for (JsonNode evaluation : output) {
      assertThat(fieldNames(evaluation))
          .containsExactly(
              "id",
              "principle",
              "level",
              "score",
              "meetsBar",
              "verdict",
              "pitfalls",
              "criteria",
              "metrics",
              "followUps",
              "rubricVersion");
      assertThat(evaluation.get("score").isInt()).isTrue();
      assertThat(evaluation.get("score").asInt()).isBetween(0, 100);
      assertThat(evaluation.get("meetsBar").isBoolean()).isTrue();
      assertThat(evaluation.get("verdict").asText()).isIn("strong", "mixed", "weak");
      for (JsonNode pitfall : evaluation.get("pitfalls")) {
        assertThat(fieldNames(pitfall)).containsExactly("id", "evidence", "advice");
      }
      assertThat(evaluation.get("criteria")).isNotEmpty();
      for (JsonNode criterion : evaluation.get("criteria")) {
        assertThat(fieldNames(criterion)).containsExactly("id", "score", "evidence");
        assertThat(criterion.get("score").asInt()).isBetween(1, 4);
      }
      for (JsonNode metric : evaluation.get("metrics")) {
        assertThat(fieldNames(metric)).containsExactly("kind", "value", "text");
        assertThat(metric.get("value").isNumber()).isTrue();
      }
      assertThat(evaluation.get("followUps")).isNotEmpty();
      evaluation.get("followUps").forEach(q -> assertThat(q.isTextual()).isTrue());
      assertThat(evaluation.get("rubricVersion").asText())
          .matches("\\d{4}\\.\\d{2}-[0-9a-f]{8}(\\+[0-9a-f]{8})?");
    }
    assertThat(output.get(0).get("meetsBar").asBoolean()).isTrue();
    assertThat(output.get(1).get("pitfalls").findValuesAsText("id")).contains("missing-star-part");
  }

  @Test
  void readsStandardInputForDash() throws Exception {
    Run run = run("[" + STORY + "]", "-");
    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.stdout()).get(0).get("principle").asText()).isEqualTo("ownership");
  }

  @Test
  void anEmptyArrayGivesAnEmptyArray() throws Exception {
    Run run = run("[]", "-");
    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.stdout())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON          | [{"id":"a",                                              | not valid JSON
          not an array      | {"id":"a"}                                               | must be a JSON array
          entry not object  | ["a story"]                                              | entry 0 (no id): expected an object
          missing key       | [{"id":"a","principle":"ownership","level":"mid","prompt":"","situation":"","task":"","action":""}] | entry 0 (id "a"): field "result" is missing
          number for string | [{"id":"a","principle":"ownership","level":"mid","prompt":"","situation":"","task":"","action":"","result":42}] | entry 0 (id "a"): field "result" must be a string, found an integer
          null for string   | [{"id":"a","principle":"ownership","level":"mid","prompt":"","situation":null,"task":"","action":"","result":""}] | entry 0 (id "a"): field "situation" must be a string, found null
          unknown principle | [{"id":"a","principle":"grit","level":"mid","prompt":"","situation":"","task":"","action":"","result":""}] | entry 0 (id "a"): field "principle": unknown principle "grit"
          unknown level     | [{"id":"a","principle":"ownership","level":"principal","prompt":"","situation":"","task":"","action":"","result":""}] | entry 0 (id "a"): field "level": unknown level "principal"
          trailing garbage  | [] []                                                    | not valid JSON
          empty input       |                                                          | input is empty
          """)
  void rejectsBadInputNamingTheEntryAndTheField(String kind, String input, String message) {
    Run run = run(input == null ? "" : input, "-");
    assertThat(run.status()).as(kind).isEqualTo(2);
    assertThat(run.stdout()).as(kind).isEmpty();
    assertThat(run.stderr()).as(kind).contains(message);
  }

  @Test
  void reportsTheSecondEntryByIndexAndIdAndWritesNothingForTheGoodOne() {
    Run run =
        run(
            "["
                + STORY
                + ",{\"id\":\"s-9\",\"principle\":\"ownership\",\"level\":\"mid\",\"prompt\":\"\","
                + "\"situation\":\"\",\"task\":\"\",\"action\":7,\"result\":\"\"}]",
            "-");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("entry 1 (id \"s-9\"): field \"action\" must be a string");
  }

  @Test
  void explainsUsageAndMissingFiles() {
    Run noArgs = run("");
    assertThat(noArgs.status()).isEqualTo(2);
    assertThat(noArgs.stderr()).contains("usage: evaluate FILE|-");
    Run missing = run("", "/no/such/stories.json");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.stderr()).contains("no such file: /no/such/stories.json");
  }
}
