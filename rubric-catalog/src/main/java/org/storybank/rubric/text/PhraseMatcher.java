package org.storybank.rubric.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon phrases in analysed text by their stems, so "escalated", "escalating" and
 * "escalation" all match the phrase "escalate". A "*" in a phrase stands for up to three words of
 * the same sentence ("asked * for help" matches "asked my lead for help"). Within one category,
 * overlapping matches are reported once, the longest winning.
 */
public final class PhraseMatcher {

  private static final int MAX_GAP = 3;

  private record Compiled(String category, String phrase, String[][] parts, int length) {}

  private final Map<String, List<Compiled>> byFirstStem = new HashMap<>();

  public PhraseMatcher(Map<String, List<String>> phrasesByCategory) {
    EnglishAnalysis analysis = EnglishAnalysis.instance();
    phrasesByCategory.forEach(
        (category, phrases) -> {
          for (String phrase : phrases) {
            String[] pieces = phrase.split("\\s*\\*\\s*");
            List<String[]> parts = new ArrayList<>();
            int length = 0;
            for (String piece : pieces) {
              List<String> stems = analysis.stems(piece);
              if (!stems.isEmpty()) {
                parts.add(stems.toArray(String[]::new));
                length += stems.size();
              }
            }
            if (parts.isEmpty()) {
              throw new IllegalArgumentException(
                  "phrase '" + phrase + "' of '" + category + "' has no words");
            }
            Compiled compiled =
                new Compiled(category, phrase, parts.toArray(String[][]::new), length);
            byFirstStem.computeIfAbsent(parts.get(0)[0], stem -> new ArrayList<>()).add(compiled);
          }
        });
  }

  public List<PhraseMatch> find(AnalysedText text) {
    List<Token> tokens = text.tokens();
    List<PhraseMatch> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      List<Compiled> candidates = byFirstStem.get(tokens.get(i).stem());
      if (candidates == null) {
        continue;
      }
      for (Compiled phrase : candidates) {
        int end = matchFrom(tokens, i, phrase.parts(), 0);
        if (end > 0) {
          Token first = tokens.get(i);
          Token last = tokens.get(end - 1);
          found.add(
              new PhraseMatch(
                  phrase.category(),
                  phrase.phrase(),
                  i,
                  end,
                  first.start(),
                  last.end(),
                  first.sentence()));
        }
      }
    }
    return withoutOverlaps(found);
  }

  /** Returns the end token (exclusive) of a match of parts[part..] starting at token i, or -1. */
  private static int matchFrom(List<Token> tokens, int i, String[][] parts, int part) {
    String[] words = parts[part];
    int sentence = tokens.get(i).sentence();
    if (i + words.length > tokens.size()) {
      return -1;
    }
    for (int w = 0; w < words.length; w++) {
      Token token = tokens.get(i + w);
      if (token.sentence() != sentence || !token.stem().equals(words[w])) {
        return -1;
      }
    }
    int next = i + words.length;
    if (part + 1 == parts.length) {
      return next;
    }
    for (int gap = 0; gap <= MAX_GAP && next + gap < tokens.size(); gap++) {
      if (tokens.get(next + gap).sentence() != sentence) {
        break;
      }
      int end = matchFrom(tokens, next + gap, parts, part + 1);
      if (end > 0) {
        return end;
      }
    }
    return -1;
  }

  private static List<PhraseMatch> withoutOverlaps(List<PhraseMatch> found) {
    if (found.size() < 2) {
      return found;
    }
    List<PhraseMatch> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt((PhraseMatch m) -> m.endToken() - m.firstToken())
            .reversed()
            .thenComparingInt(PhraseMatch::firstToken));
    List<PhraseMatch> kept = new ArrayList<>();
    for (PhraseMatch candidate : sorted) {
      boolean clash = false;
      for (PhraseMatch other : kept) {
        if (other.category().equals(candidate.category()) && other.overlaps(candidate)) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(PhraseMatch::firstToken));
    return kept;
  }
}
