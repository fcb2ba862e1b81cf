package org.storybank.evaluation.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads numbers written in digits or in English words ("1,900", "2.4", "twenty-four", "a dozen").
 */
final class NumberWords {

  static final String WORD_NUMBER =
      "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
          + "|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
          + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens?|a hundred"
          + "|hundreds|a thousand|thousands)";

  static final String DIGIT_NUMBER = "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";

  static final String SCALE = "(?:\\s+(?:hundred|thousand|million|billion))?";

  /** A number in digits or words, with an optional spelled-out scale ("1.2 million"). */
  static final String NUMBER = "(?:" + DIGIT_NUMBER + "|" + WORD_NUMBER + ")" + SCALE;

  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("dozen", 12),
          Map.entry("dozens", 24),
          Map.entry("hundred", 100),
          Map.entry("hundreds", 200),
          Map.entry("thousand", 1000),
          Map.entry("thousands", 2000),
          Map.entry("none", 0),
          Map.entry("nothing", 0),
          Map.entry("half", 0));

  /**
   * The one table of scales, written out ("1.2 million") or abbreviated after a figure ("40k",
   * "$2m", "$3mm", "1.5bn").
   */
  private static final Map<String, Double> SCALES =
      Map.of(
          "hundred", 1e2,
          "thousand", 1e3,
          "k", 1e3,
          "million", 1e6,
          "m", 1e6,
          "mm", 1e6,
          "billion", 1e9,
          "bn", 1e9,
          "b", 1e9);

  private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("[- ]");

  private NumberWords() {}

  /** The factor a scale word or abbreviation stands for ("k" is 1000); 1 for null or unknown. */
  static double scale(String word) {
    return word == null ? 1 : SCALES.getOrDefault(word.strip().toLowerCase(Locale.ROOT), 1.0);
  }

  /** Parses a number as matched by {@link #NUMBER}; empty if it is not one. */
  static OptionalDouble parse(String text) {
    String s = text.toLowerCase(Locale.ROOT).strip();
    double scale = 1;
    int space = s.lastIndexOf(' ');
    if (space > 0 && !s.equals("a hundred") && !s.equals("a thousand")) {
      Double named = SCALES.get(s.substring(space + 1));
      if (named != null) {
        scale = named;
        s = s.substring(0, space).strip();
      }
    }
    if (s.startsWith("a ")) {
      s = s.substring(2);
    }
    if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
      try {
        return OptionalDouble.of(Double.parseDouble(s.replace(",", "")) * scale);
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }
    if (s.indexOf('-') < 0 && s.indexOf(' ') < 0) {
      Integer value = UNITS.get(s);
      return value == null ? OptionalDouble.empty() : OptionalDouble.of(value * scale);
    }
    double total = 0;
    for (String part : SEPARATOR.split(s)) {
      Integer value = UNITS.get(part);
      if (value == null) {
        return OptionalDouble.empty();
      }
      total += value;
    }
    return OptionalDouble.of(total * scale);
  }
}
