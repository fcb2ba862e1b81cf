package org.storybank.rubric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.storybank.api.Level;
import org.storybank.rubric.text.EnglishAnalysis;
import org.storybank.rubric.text.PhraseMatch;
import org.storybank.rubric.text.PhraseMatcher;

/**
 * The rubric: principles with their criteria, prompts, pitfalls, follow-ups and level expectations,
 * plus the lexicons the analyser reads stories with. Loaded from the YAML files under {@code
 * rubric/} on the classpath; immutable and thread-safe.
 */
public final class RubricCatalog {

  public static final String DEFAULT_ROOT = "rubric";

  private final String name;
  private final String version;
  private final List<LevelDefinition> levels;
  private final List<PitfallDefinition> pitfalls;
  private final List<Principle> principles;
  private final Map<String, Principle> principlesById = new LinkedHashMap<>();
  private final Map<String, List<String>> signals;
  private final PhraseMatcher principleKeywords;
  private final Map<String, List<String>> questionExamples;

  RubricCatalog(
      String name,
      String version,
      List<LevelDefinition> levels,
      List<PitfallDefinition> pitfalls,
      List<Principle> principles,
      Map<String, List<String>> signals,
      Map<String, List<String>> questionExamples) {
    this.name = name;
    this.version = version;
    this.levels = List.copyOf(levels);
    this.pitfalls = List.copyOf(pitfalls);
    this.principles = List.copyOf(principles);
    this.signals = Map.copyOf(signals);
    this.questionExamples = Map.copyOf(questionExamples);
    Map<String, List<String>> keywords = new LinkedHashMap<>();
    for (Principle principle : principles) {
      principlesById.put(principle.id(), principle);
      keywords.put(principle.id(), principle.keywords());
    }
    this.principleKeywords = new PhraseMatcher(keywords);
  }

  /** The catalog shipped with the module. */
  public static RubricCatalog load() {
    return load(DEFAULT_ROOT);
  }

  /** A catalog from another classpath folder laid out like {@code rubric/}. */
  public static RubricCatalog load(String root) {
    return new CatalogReader(root, RubricCatalog.class.getClassLoader()).read();
  }

  public String name() {
    return name;
  }

  /** Human version plus a hash of the catalog's content, e.g. {@code 2026.11-3fa2c1d0}. */
  public String version() {
    return version;
  }

  public List<LevelDefinition> levels() {
    return levels;
  }

  public LevelDefinition level(Level level) {
    return levels.stream().filter(l -> l.id().equals(level.id())).findFirst().orElseThrow();
  }

  public List<PitfallDefinition> pitfalls() {
    return pitfalls;
  }

  public List<Principle> principles() {
    return principles;
  }

  public Optional<Principle> principle(String id) {
    return Optional.ofNullable(principlesById.get(id));
  }

  /** Lexicon phrases by category, as written in {@code signals.yaml}. */
  /**
   * Interview questions as interviewers ask them, by the principle each probes: what search learns
   * to read a question's principle from. Not part of the rubric version.
   */
  public Map<String, List<String>> questionExamples() {
    return questionExamples;
  }

  public Map<String, List<String>> signals() {
    return signals;
  }

  /**
   * The principles a prompt asks about, best first; empty when nothing in the prompt points to a
   * principle. Multi-word phrases count more than single words, each phrase once.
   */
  public List<String> principlesFor(String promptText) {
    return rankPrinciples(promptText).stream().map(PrincipleMatch::principle).toList();
  }

  public List<PrincipleMatch> rankPrinciples(String promptText) {
    Map<String, Set<String>> phrases = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (PhraseMatch match :
        principleKeywords.find(EnglishAnalysis.instance().analyse(promptText))) {
      if (phrases
          .computeIfAbsent(match.category(), id -> new LinkedHashSet<>())
          .add(match.phrase())) {
        int words = match.endToken() - match.firstToken();
        scores.merge(match.category(), Math.pow(words, 1.5), Double::sum);
      }
    }
    List<String> order = new ArrayList<>(principlesById.keySet());
    return scores.entrySet().stream()
        .sorted(
            Comparator.comparing(Map.Entry<String, Double>::getValue)
                .reversed()
                .thenComparing(entry -> order.indexOf(entry.getKey())))
        .map(
            entry ->
                new PrincipleMatch(
                    entry.getKey(),
                    Math.round(entry.getValue() * 100) / 100.0,
                    List.copyOf(phrases.get(entry.getKey()))))
        .toList();
  }
}
