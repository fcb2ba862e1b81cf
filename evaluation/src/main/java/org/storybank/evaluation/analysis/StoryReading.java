package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storybank.api.Level;
import org.storybank.rubric.Principle;
import org.storybank.rubric.text.AnalysedText;
import org.storybank.rubric.text.PhraseMatch;

/**
 * Everything the analyser read in one story: the analysed fields, the lexicon hits per field and
 * the result's figures, plus the derived readings (agency, scope, specificity) that several
 * detectors share. Built once per story by {@link StoryReader}.
 */
final class StoryReading {

  private final StoryInput input;
  private final Level level;
  private final Principle principle;
  private final Map<Field, AnalysedText> texts;
  private final Map<Field, Map<String, List<PhraseMatch>>> hits;
  private final List<Metric> resultMetrics;
  private Agency agency;
  private ScopeReading scope;
  private Specificity specificity;

  StoryReading(
      StoryInput input,
      Level level,
      Principle principle,
      EnumMap<Field, AnalysedText> texts,
      EnumMap<Field, Map<String, List<PhraseMatch>>> hits,
      List<Metric> resultMetrics) {
    this.input = input;
    this.level = level;
    this.principle = principle;
    this.texts = texts;
    this.hits = hits;
    this.resultMetrics = List.copyOf(resultMetrics);
  }

  StoryInput input() {
    return input;
  }

  Level level() {
    return level;
  }

  Principle principle() {
    return principle;
  }

  AnalysedText text(Field field) {
    return texts.get(field);
  }

  List<Metric> resultMetrics() {
    return resultMetrics;
  }

  List<Hit> hits(String category, Collection<Field> fields) {
    List<Hit> found = new ArrayList<>();
    for (Field field : fields) {
      for (PhraseMatch match : hits.get(field).getOrDefault(category, List.of())) {
        found.add(new Hit(field, match));
      }
    }
    return found;
  }

  List<Hit> hits(String category, Field field) {
    return hits(category, List.of(field));
  }

  int count(String category, Collection<Field> fields) {
    int count = 0;
    for (Field field : fields) {
      count += hits.get(field).getOrDefault(category, List.of()).size();
    }
    return count;
  }

  int count(String category, Field field) {
    return hits.get(field).getOrDefault(category, List.of()).size();
  }

  boolean has(String category, Collection<Field> fields) {
    return count(category, fields) > 0;
  }

  private static final Set<String> NEGATIONS =
      Set.of("not", "never", "no", "without", "nobody", "neither", "nor");

  /** Whether a negation stands shortly before a hit in its sentence: "I did not work weekends". */
  boolean negated(Hit hit) {
    AnalysedText text = texts.get(hit.field());
    int sentenceStart = text.sentences().get(hit.match().sentence()).firstToken();
    for (int i = hit.match().firstToken() - 1;
        i >= Math.max(sentenceStart, hit.match().firstToken() - 4);
        i--) {
      String surface = text.tokens().get(i).surface();
      if (NEGATIONS.contains(surface) || surface.endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  /** The sentence a hit stands in, labelled with its field: {@code action: "I rolled it back."} */
  String quote(Hit hit) {
    return quote(hit.field(), hit.match().sentence());
  }

  String quote(Field field, int sentence) {
    String text = texts.get(field).sentenceText(sentence);
    if (text.length() > 240) {
      text = text.substring(0, 237) + "...";
    }
    return field.id() + ": \"" + text + "\"";
  }

  /** Quotes of the distinct sentences of some hits, at most {@code max} of them. */
  String quotes(List<Hit> found, int max) {
    List<String> quoted = new ArrayList<>();
    for (Hit hit : found) {
      String quote = quote(hit);
      if (!quoted.contains(quote)) {
        quoted.add(quote);
      }
      if (quoted.size() == max) {
        break;
      }
    }
    return String.join(" ", quoted);
  }

  Agency agency() {
    if (agency == null) {
      agency = Agency.read(this);
    }
    return agency;
  }

  ScopeReading scope() {
    if (scope == null) {
      scope = ScopeReading.read(this);
    }
    return scope;
  }

  Specificity specificity() {
    if (specificity == null) {
      specificity = Specificity.read(this);
    }
    return specificity;
  }
}
