package org.storybank.query.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.storybank.query.search.corpus.SearchCorpus;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;

/**
 * Research, not shipped: how well each way of turning a question into features reads its principle
 * on tuning banks it never learned from (each tuning bank left out in turn). Arguments: an optional
 * YAML file of extra labelled questions (principle → list), added to the learning set, e.g. {@code
 * story-query/src/test/resources/search/extra-question-examples.yaml}.
 */
public final class PrincipleFeatureResearch {

  record Example(String principle, String text, String bank, float[] bge, float[] mini) {}

  private PrincipleFeatureResearch() {}

  public static void main(String[] args) throws IOException {
    RubricCatalog catalog = RubricCatalog.load();
    List<String[]> raw = new ArrayList<>();
    for (Principle principle : catalog.principles()) {
      principle.prompts().forEach(text -> raw.add(new String[] {principle.id(), text, ""}));
    }
    catalog
        .questionExamples()
        .forEach((p, texts) -> texts.forEach(t -> raw.add(new String[] {p, t, ""})));
    if (args.length > 0 && !args[0].isBlank()) {
      Map<String, List<String>> extra =
          new com.fasterxml.jackson.databind.ObjectMapper(
                  new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .readValue(
                  new File(args[0]),
                  new com.fasterxml.jackson.core.type.TypeReference<
                      Map<String, List<String>>>() {});
      extra.forEach((p, texts) -> texts.forEach(t -> raw.add(new String[] {p, t, "extra"})));
    }
    for (SearchCorpus.Bank bank : SearchCorpus.load(SearchCorpus.TUNING)) {
      for (SearchCorpus.Question question : bank.questions()) {
        raw.add(new String[] {question.principle(), question.q(), bank.bank()});
      }
    }
    EmbeddingModel bge = new BgeSmallEnV15QuantizedEmbeddingModel();
    EmbeddingModel mini = new AllMiniLmL6V2QuantizedEmbeddingModel();
    List<Example> examples = new ArrayList<>();
    for (String[] r : raw) {
      examples.add(
          new Example(
              r[0],
              r[1],
              r[2],
              bge.embed(QuestionReader.QUERY_INSTRUCTION + r[1]).content().vector(),
              mini.embed(r[1]).content().vector()));
    }
    System.out.println(examples.size() + " examples");
    run("bge", examples, Example::bge, PrincipleClassifierTrainer.LAMBDA);
    run("minilm", examples, Example::mini, PrincipleClassifierTrainer.LAMBDA);
    run(
        "bge+minilm",
        examples,
        PrincipleFeatureResearch::concat,
        PrincipleClassifierTrainer.LAMBDA);
    for (double lambda : new double[] {0.0003, 0.003, 0.01}) {
      run("bge λ=" + lambda, examples, Example::bge, lambda);
      run("bge+minilm λ=" + lambda, examples, PrincipleFeatureResearch::concat, lambda);
    }
    System.exit(0);
  }

  static float[] concat(Example e) {
    float[] a = unit(e.bge());
    float[] b = unit(e.mini());
    float[] out = new float[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  static void run(
      String name, List<Example> examples, Function<Example, float[]> features, double lambda) {
    int first = 0;
    int top3 = 0;
    int questions = 0;
    for (String left : SearchCorpus.TUNING) {
      List<float[]> vectors = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (Example e : examples) {
        if (!e.bank().equals(left)) {
          vectors.add(features.apply(e));
          labels.add(e.principle());
        }
      }
      PrincipleClassifier classifier =
          PrincipleClassifier.learn(vectors, labels, lambda, PrincipleClassifierTrainer.EPOCHS);
      for (Example e : examples) {
        if (e.bank().equals(left)) {
          List<String> order = classifier.ranked(features.apply(e));
          questions++;
          first += order.get(0).equals(e.principle()) ? 1 : 0;
          top3 += order.subList(0, 3).contains(e.principle()) ? 1 : 0;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-22s first %.3f  top3 %.3f  (%d questions)%n",
        name,
        (double) first / questions,
        (double) top3 / questions,
        questions);
  }
}
