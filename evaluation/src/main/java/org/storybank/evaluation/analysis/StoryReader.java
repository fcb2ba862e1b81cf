package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.storybank.api.Level;
import org.storybank.rubric.Principle;
import org.storybank.rubric.text.AnalysedText;
import org.storybank.rubric.text.EnglishAnalysis;
import org.storybank.rubric.text.PhraseMatch;

/** Reads a story once: analyses each field, finds lexicon hits and the result's figures. */
final class StoryReader {

  private final Lexicon lexicon;
  private final MetricExtractor metrics = new MetricExtractor();
  private final EnglishAnalysis analysis = EnglishAnalysis.instance();

  StoryReader(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  StoryReading read(StoryInput input, Level level, Principle principle) {
    EnumMap<Field, AnalysedText> texts = new EnumMap<>(Field.class);
    EnumMap<Field, Map<String, List<PhraseMatch>>> hits = new EnumMap<>(Field.class);
    for (Field field : Field.values()) {
      AnalysedText text = analysis.analyse(valueOf(input, field));
      texts.put(field, text);
      hits.put(field, byCategory(lexicon.matcher().find(text)));
    }
    return new StoryReading(input, level, principle, texts, hits, metrics.extract(input.result()));
  }

  private static String valueOf(StoryInput input, Field field) {
    return switch (field) {
      case SITUATION -> input.situation();
      case TASK -> input.task();
      case ACTION -> input.action();
      case RESULT -> input.result();
      case PROMPT -> input.prompt();
    };
  }

  private static Map<String, List<PhraseMatch>> byCategory(List<PhraseMatch> matches) {
    Map<String, List<PhraseMatch>> byCategory = new HashMap<>();
    for (PhraseMatch match : matches) {
      byCategory.computeIfAbsent(match.category(), category -> new ArrayList<>()).add(match);
    }
    // "it was a good learning experience" is not a lesson, and "gave up two weekends" is heroics,
    // not a trade-off the candidate weighed
    dropOverlapping(byCategory, Lexicon.REFLECTION, Lexicon.REFLECTION_HOLLOW);
    dropOverlapping(byCategory, Lexicon.TRADE_OFF_NAMED, Lexicon.HEROICS);
    return byCategory;
  }

  private static void dropOverlapping(
      Map<String, List<PhraseMatch>> byCategory, String category, String masking) {
    List<PhraseMatch> masks = byCategory.get(masking);
    List<PhraseMatch> matches = byCategory.get(category);
    if (masks == null || matches == null) {
      return;
    }
    matches.removeIf(
        match ->
            masks.stream()
                .anyMatch(
                    mask ->
                        match.firstToken() < mask.endToken()
                            && mask.firstToken() < match.endToken()));
  }
}
