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

  public static void main(String[] args) {
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
      for (Question q : bank.questions()) {
        String key = bank.bank() + "|" + q.q();
        var inferred = principles.infer(q.q());
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
          for (Story s : bank.stories()) {
            float[][] v = vectors.get(m.name()).get(s.id());
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
