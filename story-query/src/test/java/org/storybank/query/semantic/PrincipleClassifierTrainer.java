package org.storybank.query.semantic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.storybank.query.search.corpus.SearchCorpus;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;

/**
 * Learns {@link PrincipleClassifier} for {@link QuestionReader} from the catalog's prompts, its
 * written example questions and the questions of the corpus's tuning banks (never the test banks),
 * and writes {@code src/main/resources/search/principle-classifier.json}. Prints the accuracy with
 * each tuning bank left out in turn first, the estimate of how it reads questions it never saw.
 *
 * <pre>
 * mvn -q -pl story-query exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.storybank.query.semantic.PrincipleClassifierTrainer
 * </pre>
 */
public final class PrincipleClassifierTrainer {

  static final double LAMBDA = 0.001;
  static final int EPOCHS = 800;

  record Example(String principle, String text, String bank) {}

  private PrincipleClassifierTrainer() {}

  public static void main(String[] args) throws IOException {
    RubricCatalog catalog = RubricCatalog.load();
    List<Example> examples = new ArrayList<>();
    for (Principle principle : catalog.principles()) {
      principle.prompts().forEach(text -> examples.add(new Example(principle.id(), text, "")));
    }
    catalog
        .questionExamples()
        .forEach(
            (principle, texts) -> texts.forEach(t -> examples.add(new Example(principle, t, ""))));
    for (SearchCorpus.Bank bank : SearchCorpus.load(SearchCorpus.TUNING)) {
      for (SearchCorpus.Question question : bank.questions()) {
        examples.add(new Example(question.principle(), question.q(), bank.bank()));
      }
    }
    EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
    List<float[]> vectors = new ArrayList<>();
    for (Example example : examples) {
      vectors.add(
          model.embed(QuestionReader.QUERY_INSTRUCTION + example.text()).content().vector());
    }
    int first = 0;
    int top3 = 0;
    int questions = 0;
    for (String left : SearchCorpus.TUNING) {
      List<float[]> trainVectors = new ArrayList<>();
      List<String> trainLabels = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (!examples.get(i).bank().equals(left)) {
          trainVectors.add(vectors.get(i));
          trainLabels.add(examples.get(i).principle());
        }
      }
      PrincipleClassifier classifier =
          PrincipleClassifier.learn(trainVectors, trainLabels, LAMBDA, EPOCHS);
      for (int i = 0; i < examples.size(); i++) {
        if (examples.get(i).bank().equals(left)) {
          List<String> order = classifier.ranked(vectors.get(i));
          questions++;
          first += order.get(0).equals(examples.get(i).principle()) ? 1 : 0;
          top3 += order.subList(0, 3).contains(examples.get(i).principle()) ? 1 : 0;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "each tuning bank left out in turn: principle read first %.2f, in the first three %.2f"
            + " (%d questions)%n",
        (double) first / questions,
        (double) top3 / questions,
        questions);
    List<String> labels = examples.stream().map(Example::principle).toList();
    PrincipleClassifier classifier = PrincipleClassifier.learn(vectors, labels, LAMBDA, EPOCHS);
    double[][] rounded = new double[classifier.weights().length][];
    for (int c = 0; c < rounded.length; c++) {
      rounded[c] = new double[classifier.weights()[c].length];
      for (int j = 0; j < rounded[c].length; j++) {
        rounded[c][j] = Math.round(classifier.weights()[c][j] * 1e6) / 1e6;
      }
    }
    Path out = Path.of("src/main/resources").resolve(QuestionReader.RESOURCE.substring(1));
    if (!Files.isDirectory(Path.of("src/main/resources"))) {
      out = Path.of("story-query/src/main/resources").resolve(QuestionReader.RESOURCE.substring(1));
    }
    Files.createDirectories(out.getParent());
    new ObjectMapper()
        .writeValue(out.toFile(), new PrincipleClassifier(classifier.principles(), rounded));
    System.out.println("wrote " + out.toAbsolutePath() + " from " + examples.size() + " examples");
    System.exit(0);
  }
}
