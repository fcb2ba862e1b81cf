package org.storybank.query.search.corpus;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.storybank.query.language.InterviewLanguage;
import org.storybank.query.search.corpus.SearchCorpus.Bank;
import org.storybank.query.search.corpus.SearchCorpus.Question;
import org.storybank.query.search.corpus.SearchCorpus.Story;
import org.storybank.query.semantic.PrincipleClassifier;
import org.storybank.query.semantic.PromptPrinciples;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.rubric.RubricCatalog;

/** Research only: each signal alone and simple fusions, in memory, on the tuning banks. */
public final class SearchResearch {

  record Model(String name, EmbeddingModel model, String queryPrefix, String passagePrefix) {
    float[] query(String text) {
      return model.embed(queryPrefix + text).content().vector();
    }

    float[] passage(String text) {
      return model.embed(passagePrefix + cut(text)).content().vector();
    }
  }

  static String cut(String text) {
    return text.length() > 1500 ? text.substring(0, 1500) : text;
  }

  static List<String> sentences(Story s) {
    List<String> out = new ArrayList<>();
    out.add(s.title());
    for (String f : List.of(s.situation(), s.task(), s.action(), s.result())) {
      for (String sentence : f.split("(?<=[.!?])\\s+")) {
        if (sentence.strip().length() > 3) {
          out.add(sentence.strip());
        }
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    List<String> which = args.length > 0 ? List.of(args[0].split(",")) : SearchCorpus.TUNING;
    List<Bank> banks = SearchCorpus.load(which);
    List<Model> models =
        List.of(
            new Model("minilm", new AllMiniLmL6V2QuantizedEmbeddingModel(), "", ""),
            new Model(
                "bge",
                new BgeSmallEnV15QuantizedEmbeddingModel(),
                "Represent this sentence for searching relevant passages: ",
                ""),
            new Model("e5", new E5SmallV2QuantizedEmbeddingModel(), "query: ", "passage: "));
    Map<String, Map<String, Map<String, Double>>> signals = new LinkedHashMap<>();
    RubricCatalog catalog = RubricCatalog.load();
    List<String> promptPrinciple = new ArrayList<>();
    List<String> promptText = new ArrayList<>();
    for (var principle : catalog.principles()) {
      for (String prompt : principle.prompts()) {
        promptPrinciple.add(principle.id());
        promptText.add(prompt);
      }
      for (String look : principle.lookFor()) {
        promptPrinciple.add(principle.id());
        promptText.add(look);
      }
    }
    Map<String, float[][]> catalogVectors = new HashMap<>();
    for (Model m : models) {
      float[][] v = new float[promptText.size()][];
      for (int i = 0; i < v.length; i++) {
        v[i] = m.query(promptText.get(i));
      }
      catalogVectors.put(m.name(), v);
    }
    Map<String, int[]> reading = new LinkedHashMap<>();
    List<PrincipleResearch.Example> examples = new ArrayList<>();
    for (var principle : catalog.principles()) {
      principle
          .prompts()
          .forEach(t -> examples.add(new PrincipleResearch.Example(principle.id(), t, "")));
    }
    java.io.File file =
        new java.io.File("rubric-catalog/src/main/resources/rubric/question-examples.yaml");
    Map<String, List<String>> written =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(file, Map.class);
    written.forEach(
        (p, qs) -> qs.forEach(t -> examples.add(new PrincipleResearch.Example(p, t, ""))));
    for (Bank bank : SearchCorpus.load(SearchCorpus.TUNING)) {
      for (Question q : bank.questions()) {
        examples.add(new PrincipleResearch.Example(q.principle(), q.q(), bank.bank()));
      }
    }
    Model bgeModel = models.get(1);
    Map<String, float[]> exampleVectors = new HashMap<>();
    for (PrincipleResearch.Example e : examples) {
      exampleVectors.computeIfAbsent(e.text(), t -> bgeModel.query(t));
    }
    // signal -> question key -> story id -> value
    PromptPrinciples principles =
        new PromptPrinciples(RubricCatalog.load(), new SentenceEmbeddings());
    InterviewLanguage language = InterviewLanguage.instance();
    for (Bank bank : banks) {
      Map<String, Map<String, Integer>> tf = new HashMap<>();
      Map<String, Integer> df = new HashMap<>();
      Map<String, Integer> length = new HashMap<>();
      for (Story s : bank.stories()) {
        String text =
            (s.title() + " ").repeat(3)
                + String.join(" ", s.situation(), s.task(), s.action(), s.result());
        Map<String, Integer> counts = new HashMap<>();
        String[] terms = language.indexTerms(text).split("\\s+");
        for (String t : terms) {
          counts.merge(t, 1, Integer::sum);
        }
        tf.put(s.id(), counts);
        length.put(s.id(), terms.length);
        counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      }
      double avg = length.values().stream().mapToInt(i -> i).average().orElse(1);
      Map<String, Map<String, float[][]>> vectors = new HashMap<>();
      for (Model m : models) {
        Map<String, float[][]> byStory = new HashMap<>();
        for (Story s : bank.stories()) {
          List<float[]> v = new ArrayList<>();
          v.add(m.passage(String.join(". ", s.title(), s.task(), s.action(), s.result())));
          v.add(
              m.passage(
                  String.join(". ", s.title(), s.situation(), s.task(), s.action(), s.result())));
          v.add(m.passage(String.join(". ", s.title(), s.situation(), s.task())));
          for (String f : List.of(s.situation(), s.task(), s.action(), s.result())) {
            v.add(m.passage(f));
          }
          for (String sentence : sentences(s)) {
            v.add(m.passage(sentence));
          }
          byStory.put(s.id(), v.toArray(new float[0][]));
        }
        vectors.put(m.name(), byStory);
      }
      Map<String, double[]> storyPrinciples = new HashMap<>();
      PrincipleClassifier softmax =
          PrincipleResearch.learn(
              examples.stream().filter(e -> !e.bank().equals(bank.bank())).toList(),
              exampleVectors,
              0.001);
      for (Question q : bank.questions()) {
        String key = bank.bank() + "|" + q.q();
        double[] probabilities = softmax.probabilities(bgeModel.query(q.q()));
        count(reading, "softmax", softmax.ranked(bgeModel.query(q.q())), q.principle());
        for (Story s : bank.stories()) {
          double[] storyP =
              storyPrinciples.computeIfAbsent(
                  s.id(),
                  id -> {
                    double[] acc = new double[softmax.principles().size()];
                    List<String> parts = sentences(s);
                    for (String sentence : parts) {
                      double[] p = softmax.probabilities(bgeModel.query(sentence));
                      for (int c = 0; c < acc.length; c++) {
                        acc[c] += p[c] / parts.size();
                      }
                    }
                    return acc;
                  });
          double agreement = 0;
          double agreementTagged = 0;
          for (int c = 0; c < storyP.length; c++) {
            agreement += probabilities[c] * storyP[c];
            if (s.principles().contains(softmax.principles().get(c))) {
              agreementTagged += probabilities[c] * (storyP[c] + 0.2);
            }
          }
          put(signals, "story-soft", key, s.id(), agreement);
          put(signals, "story-soft-tagged", key, s.id(), agreementTagged);
          double max = 0;
          double sum = 0;
          for (String tag : s.principles()) {
            int c = softmax.principles().indexOf(tag);
            if (c >= 0) {
              max = Math.max(max, probabilities[c]);
              sum += probabilities[c];
            }
          }
          put(signals, "soft-max", key, s.id(), max);
          put(signals, "soft-sum", key, s.id(), sum);
          put(signals, "soft-sqrt", key, s.id(), Math.sqrt(max));
        }
        var inferred = principles.infer(q.q());
        count(
            reading, "catalog", inferred.stream().map(p -> p.principle()).toList(), q.principle());
        for (Model m : models) {
          float[] qv = m.query(q.q());
          Map<String, Double> best = new HashMap<>();
          float[][] cv = catalogVectors.get(m.name());
          for (int i = 0; i < cv.length; i++) {
            best.merge(promptPrinciple.get(i), SentenceEmbeddings.cosine(qv, cv[i]), Math::max);
          }
          List<String> order =
              best.entrySet().stream()
                  .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                  .map(Map.Entry::getKey)
                  .toList();
          count(reading, m.name(), order, q.principle());
        }
        for (Story s : bank.stories()) {
          put(
              signals,
              "oracle-principle",
              key,
              s.id(),
              s.principles().contains(q.principle()) ? 1.0 : 0.0);
        }
        Map<String, Double> strength = new HashMap<>();
        inferred.forEach(p -> strength.put(p.principle(), p.strength()));
        for (Story s : bank.stories()) {
          double bm25 = 0;
          Map<String, Integer> counts = tf.get(s.id());
          for (String t : language.queryTerms(q.q())) {
            Integer f = counts.get(t);
            if (f == null) {
              continue;
            }
            int n = bank.stories().size();
            double idf = Math.log(1 + (n - df.get(t) + 0.5) / (df.get(t) + 0.5));
            bm25 += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * length.get(s.id()) / avg));
          }
          put(signals, "lexical", key, s.id(), bm25);
          double p = 0;
          for (String tag : s.principles()) {
            p = Math.max(p, strength.getOrDefault(tag, 0.0));
          }
          put(signals, "principle", key, s.id(), p);
        }
        for (Model m : models) {
          float[] qv = m.query(q.q());
          float[][] cv = catalogVectors.get(m.name());
          double[] qProfile = new double[cv.length];
          for (int i = 0; i < cv.length; i++) {
            qProfile[i] = SentenceEmbeddings.cosine(qv, cv[i]);
          }
          float[] mean = new float[qv.length];
          for (Story s : bank.stories()) {
            float[] w = vectors.get(m.name()).get(s.id())[0];
            for (int i = 0; i < mean.length; i++) {
              mean[i] += w[i] / bank.stories().size();
            }
          }
          for (Story s : bank.stories()) {
            float[][] v = vectors.get(m.name()).get(s.id());
            float[] centred = new float[qv.length];
            for (int i = 0; i < mean.length; i++) {
              centred[i] = v[0][i] - mean[i];
            }
            put(
                signals,
                m.name() + ".centred",
                key,
                s.id(),
                SentenceEmbeddings.cosine(qv, centred));
            double[] sProfile = new double[cv.length];
            for (int i = 0; i < cv.length; i++) {
              double best = -1;
              for (int j = 7; j < v.length; j++) {
                best = Math.max(best, SentenceEmbeddings.cosine(cv[i], v[j]));
              }
              sProfile[i] = best;
            }
            put(signals, m.name() + ".profile", key, s.id(), pearson(qProfile, sProfile));
            double[] c = new double[v.length];
            for (int i = 0; i < v.length; i++) {
              c[i] = SentenceEmbeddings.cosine(qv, v[i]);
            }
            put(signals, m.name() + ".whole", key, s.id(), c[0]);
            put(signals, m.name() + ".full", key, s.id(), c[1]);
            put(signals, m.name() + ".about", key, s.id(), c[2]);
            put(signals, m.name() + ".fieldmax", key, s.id(), max(c, 3, 7));
            double[] sent = Arrays.copyOfRange(c, 7, c.length);
            Arrays.sort(sent);
            int n = sent.length;
            put(signals, m.name() + ".sentmax", key, s.id(), sent[n - 1]);
            put(
                signals,
                m.name() + ".sent2",
                key,
                s.id(),
                n > 1 ? (sent[n - 1] + sent[n - 2]) / 2 : sent[n - 1]);
            put(
                signals,
                m.name() + ".sent3",
                key,
                s.id(),
                n > 2 ? (sent[n - 1] + sent[n - 2] + sent[n - 3]) / 3 : sent[n - 1]);
          }
        }
      }
    }
    Map<String, List<String>> answers = new HashMap<>();
    for (Bank bank : banks) {
      for (Question q : bank.questions()) {
        if (q.answerable()) {
          answers.put(bank.bank() + "|" + q.q(), q.answers());
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d answerable questions%n", answers.size());
    reading.forEach(
        (name, c) ->
            System.out.printf(
                Locale.ROOT,
                "principle reading %-8s first %.2f top3 %.2f of %d%n",
                name,
                (double) c[0] / c[2],
                (double) c[1] / c[2],
                c[2]));
    signals.forEach(
        (name, values) ->
            System.out.printf(
                Locale.ROOT,
                "%-18s MRR %.3f first %.2f%n",
                name,
                mrr(values, answers, Function.identity()),
                first(values, answers)));
    // z-normalised linear fusions of a few signals, weights by grid
    String[][] combos = {
      {"lexical", "minilm.whole", "minilm.fieldmax", "soft-sqrt", "story-soft"},
      {"lexical", "minilm.whole", "minilm.fieldmax", "story-soft-tagged"},
      {"lexical", "minilm.whole", "minilm.fieldmax", "soft-sum", "story-soft"},
      {"lexical", "minilm.whole", "minilm.sent3", "soft-sqrt", "story-soft"},
      {"lexical", "minilm.whole", "soft-max"},
      {"lexical", "minilm.whole", "soft-sqrt"},
      {"lexical", "minilm.whole", "soft-sum"},
      {"lexical", "minilm.whole", "minilm.sent3", "soft-max"},
      {"lexical", "minilm.whole", "minilm.fieldmax", "soft-sqrt"},
      {"lexical", "e5.sent3", "minilm.whole", "soft-sqrt"},
      {"lexical", "bge.whole", "bge.sent3", "soft-sqrt"},
      {"lexical", "minilm.whole", "oracle-principle"},
      {"lexical", "e5.sent3", "bge.sent2", "oracle-principle"},
      {"lexical", "e5.profile", "e5.sent3", "principle"},
      {"lexical", "e5.centred", "e5.sent3", "principle"},
      {"lexical", "minilm.whole", "principle"},
      {"lexical", "e5.full", "principle"},
      {"lexical", "e5.full", "e5.sentmax", "principle"},
      {"lexical", "e5.full", "e5.about", "principle"},
      {"lexical", "bge.full", "e5.full", "minilm.full", "principle"},
      {"lexical", "e5.full", "e5.sent3", "bge.full", "principle"},
    };
    for (String[] combo : combos) {
      search(combo, signals, answers);
    }
  }

  static void search(
      String[] combo,
      Map<String, Map<String, Map<String, Double>>> signals,
      Map<String, List<String>> answers) {
    double[] grid = {0, 0.25, 0.5, 1, 2};
    double[] best = null;
    double bestMrr = -1;
    int[] idx = new int[combo.length];
    while (true) {
      double[] w = new double[combo.length];
      for (int i = 0; i < combo.length; i++) {
        w[i] = grid[idx[i]];
      }
      double m = mrr(fused(combo, w, signals), answers, Function.identity());
      if (m > bestMrr) {
        bestMrr = m;
        best = w;
      }
      int i = 0;
      while (i < combo.length && ++idx[i] == grid.length) {
        idx[i++] = 0;
      }
      if (i == combo.length) {
        break;
      }
    }
    Map<String, Map<String, Double>> f = fused(combo, best, signals);
    System.out.printf(
        Locale.ROOT,
        "fusion %s weights %s MRR %.3f first %.2f%n",
        Arrays.toString(combo),
        Arrays.toString(best),
        bestMrr,
        first(f, answers));
  }

  static Map<String, Map<String, Double>> fused(
      String[] combo, double[] w, Map<String, Map<String, Map<String, Double>>> signals) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (int i = 0; i < combo.length; i++) {
      if (w[i] == 0) {
        continue;
      }
      Map<String, Map<String, Double>> sig = signals.get(combo[i]);
      for (var e : sig.entrySet()) {
        double mean = e.getValue().values().stream().mapToDouble(d -> d).average().orElse(0);
        double sd =
            Math.sqrt(
                e.getValue().values().stream()
                    .mapToDouble(d -> (d - mean) * (d - mean))
                    .average()
                    .orElse(0));
        double weight = w[i];
        for (var s : e.getValue().entrySet()) {
          double z = sd == 0 ? 0 : (s.getValue() - mean) / sd;
          out.computeIfAbsent(e.getKey(), k -> new HashMap<>())
              .merge(s.getKey(), weight * z, Double::sum);
        }
      }
    }
    return out;
  }

  static void count(Map<String, int[]> reading, String name, List<String> order, String label) {
    int[] c = reading.computeIfAbsent(name, k -> new int[3]);
    c[2]++;
    if (!order.isEmpty() && order.get(0).equals(label)) {
      c[0]++;
    }
    if (order.stream().limit(3).anyMatch(label::equals)) {
      c[1]++;
    }
  }

  static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double num = 0;
    double da = 0;
    double db = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - ma) * (b[i] - mb);
      da += (a[i] - ma) * (a[i] - ma);
      db += (b[i] - mb) * (b[i] - mb);
    }
    return da == 0 || db == 0 ? 0 : num / Math.sqrt(da * db);
  }

  static double max(double[] c, int from, int to) {
    double m = -1;
    for (int i = from; i < to; i++) {
      m = Math.max(m, c[i]);
    }
    return m;
  }

  static void put(
      Map<String, Map<String, Map<String, Double>>> signals,
      String signal,
      String question,
      String story,
      double value) {
    signals
        .computeIfAbsent(signal, k -> new LinkedHashMap<>())
        .computeIfAbsent(question, k -> new HashMap<>())
        .put(story, value);
  }

  static int rank(Map<String, Double> scores, List<String> wanted) {
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(scores.entrySet());
    sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    for (int i = 0; i < sorted.size(); i++) {
      if (wanted.contains(sorted.get(i).getKey())) {
        return i + 1;
      }
    }
    return 0;
  }

  static double mrr(
      Map<String, Map<String, Double>> values,
      Map<String, List<String>> answers,
      Function<Double, Double> unused) {
    double sum = 0;
    for (var e : answers.entrySet()) {
      Map<String, Double> scores = values.get(e.getKey());
      if (scores == null) {
        continue;
      }
      int r = rank(scores, e.getValue());
      sum += r == 0 || r > 10 ? 0 : 1.0 / r;
    }
    return sum / answers.size();
  }

  static double first(Map<String, Map<String, Double>> values, Map<String, List<String>> answers) {
    int n = 0;
    for (var e : answers.entrySet()) {
      Map<String, Double> scores = values.get(e.getKey());
      if (scores != null && rank(scores, e.getValue()) == 1) {
        n++;
      }
    }
    return (double) n / answers.size();
  }

  private SearchResearch() {}
}
