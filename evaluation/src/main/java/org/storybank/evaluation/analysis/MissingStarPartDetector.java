package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.text.AnalysedText;
import org.storybank.rubric.text.Token;

/** A STAR part that is empty, a placeholder, or a token line with almost no content. */
final class MissingStarPartDetector implements PitfallDetector {

  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "n/a",
          "na",
          "tbd",
          "tba",
          "todo",
          "to do",
          "-",
          "--",
          "...",
          "none",
          "nothing",
          "same as above",
          "see above",
          "in progress",
          "still in progress",
          "ongoing",
          "not yet",
          "pending",
          "x",
          "?");

  /** Words that carry no content of their own in a STAR part. */
  private static final Set<String> EMPTY_WORDS =
      Set.of(
          "a",
          "an",
          "and",
          "are",
          "as",
          "at",
          "be",
          "but",
          "by",
          "for",
          "if",
          "in",
          "into",
          "is",
          "it",
          "no",
          "not",
          "of",
          "on",
          "or",
          "such",
          "that",
          "the",
          "their",
          "then",
          "there",
          "these",
          "they",
          "this",
          "to",
          "was",
          "will",
          "with",
          "i",
          "we",
          "me",
          "my",
          "our",
          "us",
          "you",
          "he",
          "she",
          "had",
          "have",
          "has",
          "did",
          "do",
          "does",
          "been",
          "were",
          "am",
          "need",
          "needed",
          "got",
          "get",
          "something",
          "things",
          "thing",
          "stuff",
          "so",
          "just",
          "some",
          "all",
          "very",
          "really",
          "also",
          "still",
          "now");

  @Override
  public String pitfallId() {
    return PitfallIds.MISSING_STAR_PART;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    List<String> problems = new ArrayList<>();
    for (Field field : Field.STAR) {
      AnalysedText text = story.text(field);
      String raw = text.raw().strip();
      if (text.isBlank()) {
        problems.add("The " + field.id() + " is empty.");
      } else if (isPlaceholder(text)) {
        problems.add("The " + field.id() + " is only a placeholder: \"" + raw + "\".");
      } else if (isToken(text)) {
        problems.add("The " + field.id() + " is only a token line: \"" + raw + "\".");
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
  }

  /** Empty, a placeholder, or a token line. */
  static boolean isMissing(AnalysedText text) {
    return text.isBlank() || isPlaceholder(text) || isToken(text);
  }

  private static boolean isPlaceholder(AnalysedText text) {
    String raw = text.raw().strip();
    if (raw.length() > 20) {
      return false;
    }
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == '.' || raw.charAt(end - 1) == '!')) {
      end--;
    }
    return PLACEHOLDERS.contains(raw.substring(0, end).toLowerCase(Locale.ROOT));
  }

  private static boolean isToken(AnalysedText text) {
    int words = text.wordCount();
    if (words < 4) {
      return true;
    }
    long content =
        text.tokens().stream().map(Token::surface).filter(w -> !EMPTY_WORDS.contains(w)).count();
    return words < 6 && content <= 2;
  }
}
