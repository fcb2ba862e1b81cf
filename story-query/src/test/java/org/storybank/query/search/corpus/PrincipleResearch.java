package org.storybank.query.search.corpus;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storybank.query.search.corpus.SearchCorpus.Bank;
import org.storybank.query.search.corpus.SearchCorpus.Question;
import org.storybank.query.semantic.PrincipleClassifier;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.rubric.RubricCatalog;

/** Research only: how well each way of reading a question's principle does, bank left out. */
public final class PrincipleResearch {

  record Example(String principle, String text, String bank) {}

  public static void main(String[] args) throws Exception {
    List<String> which = args.length > 0 ? List.of(args[0].split(",")) : SearchCorpus.TUNING;
    List<Bank> banks = SearchCorpus.load(which);
    RubricCatalog catalog = RubricCatalog.load();
    List<Example> catalogExamples = new ArrayList<>();
    for (var principle : catalog.principles()) {
      principle.prompts().forEach(p -> catalogExamples.add(new Example(principle.id(), p, "")));
    }
    List<Example> written = new ArrayList<>();
    File file = new File("rubric-catalog/src/main/resources/rubric/question-examples.yaml");
    if (!file.exists()) {
      file = new File("../" + file.getPath());
    }
    if (file.exists()) {
      Map<String, List<String>> read = new YAMLMapper().readValue(file, Map.class);
      read.forEach((p, qs) -> qs.forEach(q -> written.add(new Example(p, q, ""))));
    }
    List<Example> tuningQuestions = new ArrayList<>();
    for (Bank bank : banks) {
      for (Question q : bank.questions()) {
        tuningQuestions.add(new Example(q.principle(), q.q(), bank.bank()));
      }
    }
    Map<String, EmbeddingModel> models = new java.util.LinkedHashMap<>();
    models.put("minilm", new AllMiniLmL6V2QuantizedEmbeddingModel());
    models.put("bge", new BgeSmallEnV15QuantizedEmbeddingModel());
    models.put("e5", new E5SmallV2QuantizedEmbeddingModel());
    Map<String, String> prefix = Map.of("minilm", "", "bge", "", "e5", "query: ");
    Map<String, Map<String, float[]>> cache = new HashMap<>();
    for (var m : models.entrySet()) {
      Map<String, float[]> c = new HashMap<>();
      for (List<Example> list : List.of(catalogExamples, written, tuningQuestions)) {
        for (Example e : list) {
          c.computeIfAbsent(
              e.text(), t -> m.getValue().embed(prefix.get(m.getKey()) + t).content().vector());
        }
      }
      cache.put(m.getKey(), c);
    }
    for (String m : models.keySet()) {
      List<Example> train = new ArrayList<>(catalogExamples);
      train.addAll(written);
      train.addAll(tuningQuestions);
      for (double lambda : new double[] {0.0, 0.0002, 0.001}) {
        int first = 0;
        int top3 = 0;
        for (Bank bank : banks) {
          List<Example> rows = train.stream().filter(e -> !e.bank().equals(bank.bank())).toList();
          PrincipleClassifier model = learn(rows, cache.get(m), lambda);
          for (Question q : bank.questions()) {
            List<String> order = model.ranked(cache.get(m).get(q.q()));
            if (order.get(0).equals(q.principle())) {
              first++;
            }
            if (order.subList(0, 3).contains(q.principle())) {
              top3++;
            }
          }
        }
        System.out.printf(
            Locale.ROOT,
            "softmax %-8s lambda %.3f first %.2f top3 %.2f%n",
            m,
            lambda,
            first / 80.0,
            top3 / 80.0);
      }
    }
    String[][] sources = {
      {"catalog"},
      {"written"},
      {"catalog", "written"},
      {"catalog", "tuning"},
      {"catalog", "written", "tuning"}
    };
    for (String[] source : sources) {
      List<Example> examples = new ArrayList<>();
      for (String s : source) {
        examples.addAll(
            switch (s) {
              case "catalog" -> catalogExamples;
              case "written" -> written;
              default -> tuningQuestions;
            });
      }
      if (examples.isEmpty()) {
        continue;
      }
      for (int k : new int[] {1, 3}) {
        List<String> names = new ArrayList<>(models.keySet());
        names.add("ensemble");
        for (String model : names) {
          int first = 0;
          int top3 = 0;
          int n = 0;
          for (Example q : tuningQuestions) {
            Map<String, Double> score = new HashMap<>();
            for (String m : model.equals("ensemble") ? models.keySet() : List.of(model)) {
              Map<String, Double> s = scores(q, examples, cache.get(m), k);
              s.forEach((p, v) -> score.merge(p, v, Double::sum));
            }
            List<String> order =
                score.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(Map.Entry::getKey)
                    .toList();
            n++;
            if (!order.isEmpty() && order.get(0).equals(q.principle())) {
              first++;
            }
            if (order.stream().limit(3).anyMatch(q.principle()::equals)) {
              top3++;
            }
          }
          System.out.printf(
              Locale.ROOT,
              "%-28s k=%d %-8s first %.2f top3 %.2f (%d)%n",
              String.join("+", source),
              k,
              model,
              (double) first / n,
              (double) top3 / n,
              n);
        }
      }
    }
    System.exit(0);
  }

  /** Per principle, the mean of the k best similarities to its examples (other banks only). */
  static Map<String, Double> scores(
      Example q, List<Example> examples, Map<String, float[]> vectors, int k) {
    Map<String, List<Double>> sims = new HashMap<>();
    float[] qv = vectors.get(q.text());
    for (Example e : examples) {
      if (!e.bank().isEmpty() && e.bank().equals(q.bank())) {
        continue;
      }
      sims.computeIfAbsent(e.principle(), p -> new ArrayList<>())
          .add(SentenceEmbeddings.cosine(qv, vectors.get(e.text())));
    }
    Map<String, Double> out = new HashMap<>();
    sims.forEach(
        (p, list) -> {
          list.sort(java.util.Comparator.reverseOrder());
          double sum = 0;
          int n = Math.min(k, list.size());
          for (int i = 0; i < n; i++) {
            sum += list.get(i);
          }
          out.put(p, sum / n);
        });
    return out;
  }

  /** The shipped classifier's learning, on research examples (800 epochs, as the trainer). */
  static PrincipleClassifier learn(
      List<Example> rows, Map<String, float[]> vectors, double lambda) {
    return PrincipleClassifier.learn(
        rows.stream().map(e -> vectors.get(e.text())).toList(),
        rows.stream().map(Example::principle).toList(),
        lambda,
        800);
  }

  private PrincipleResearch() {}
}
