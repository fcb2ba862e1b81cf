package org.storybank.evaluation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.storybank.evaluation.analysis.Evaluation;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.evaluation.analysis.StoryInput;
import org.storybank.rubric.RubricCatalog;

/**
 * {@code ./storybank evaluate FILE|-}: evaluates a JSON array of stories offline and writes the
 * JSON array of evaluations to standard output, in input order. Bad input is reported on standard
 * error, naming the entry and the field, with exit code 2 and nothing on standard output. Plain
 * Java: no Spring context, so nothing but the result reaches standard output.
 */
public final class EvaluateCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;

  private static final String USAGE =
      "usage: evaluate FILE|-\n"
          + "  FILE  a JSON array of {\"id\",\"principle\",\"level\",\"prompt\",\"situation\","
          + "\"task\",\"action\",\"result\"}\n"
          + "  -     read the array from standard input";

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  EvaluateCommand(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    int status = new EvaluateCommand(System.in, System.out, System.err).run(args);
    System.exit(status);
  }

  int run(String[] args) {
    if (args.length != 1 || args[0].equals("-h") || args[0].equals("--help")) {
      stderr.println(USAGE);
      return BAD_INPUT;
    }
    String text;
    try {
      text = read(args[0]);
    } catch (NoSuchFileException e) {
      stderr.println("evaluate: no such file: " + args[0]);
      return BAD_INPUT;
    } catch (IOException e) {
      stderr.println("evaluate: cannot read " + args[0] + ": " + e.getMessage());
      return BAD_INPUT;
    }
    StoryInputParser.Parsed parsed = new StoryInputParser().parse(text);
    if (!parsed.ok()) {
      parsed.problems().forEach(problem -> stderr.println("evaluate: " + problem.message()));
      return BAD_INPUT;
    }
    try {
      byte[] output = json.writeValueAsBytes(evaluate(parsed.stories()));
      stdout.write(output, 0, output.length);
      stdout.write('\n');
      stdout.flush();
      if (stdout.checkError()) {
        stderr.println("evaluate: failed to write the evaluations to standard output");
        return FAILED;
      }
      return OK;
    } catch (JsonProcessingException | RuntimeException e) {
      stderr.println("evaluate: failed: " + e);
      return FAILED;
    }
  }

  private String read(String source) throws IOException {
    byte[] bytes = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static List<Evaluation> evaluate(List<StoryInput> stories) {
    if (stories.isEmpty()) {
      return List.of();
    }
    StoryAnalyser analyser = new StoryAnalyser(RubricCatalog.load());
    List<Evaluation> evaluations = new ArrayList<>(stories.size());
    for (StoryInput story : stories) {
      evaluations.add(analyser.evaluate(story));
    }
    return evaluations;
  }
}
