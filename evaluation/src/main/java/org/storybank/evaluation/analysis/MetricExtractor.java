package org.storybank.evaluation.analysis;

import static org.storybank.evaluation.analysis.NumberWords.DIGIT_NUMBER;
import static org.storybank.evaluation.analysis.NumberWords.NUMBER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds measurable figures in a text: before-and-after changes, ratios, money, percentages,
 * durations, ratings and counts, in digits or in words. Patterns run from the most specific to the
 * least, and a figure already claimed by an earlier pattern is not counted again.
 */
public final class MetricExtractor {

  /** Patterns run on lower-cased text; quotes come from the original. */
  private static final int FLAGS = 0;

  private static final String QUALIFIER =
      "(?:(?:about|roughly|around|approximately|nearly|almost|just|only|under|over|below|above"
          + "|more than|less than|fewer than|at least|up to|~)\\s*)?";
  private static final String FREQUENCY =
      "(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|every (?:day|week|month|quarter|year)"
          + "|once a (?:day|week|month|quarter|year))";
  private static final String UNIT_WORD =
      "(?:milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
          + "|quarters?|years?)";
  private static final String SIDE =
      "(?:[$€£]\\s?)?" + NUMBER + "(?:\\s?(?:%|percent|per cent|k\\b|m\\b|bn\\b|x\\b))?";

  private static final Pattern FROM_TO =
      Pattern.compile(
          "\\bfrom\\s+"
              + QUALIFIER
              + "(?<before>"
              + SIDE
              + "|"
              + FREQUENCY
              + ")(?<between>[^.;:]{0,40}?)\\s+(?:back\\s+|down\\s+|up\\s+)?to\\s+"
              + QUALIFIER
              + "(?<after>"
              + SIDE
              + "|"
              + FREQUENCY
              + "|zero|none|nothing)(?<afterUnit>\\s+"
              + UNIT_WORD
              + "\\b)?",
          FLAGS);
  private static final Pattern DOWN_TO_ZERO =
      Pattern.compile(
          "(?<![\\w$€£.,/-])(?<before>"
              + NUMBER
              + ")\\s+(?<between>(?:[a-z-]+\\s+){1,5}?)(?:down\\s+)?to\\s+(?:zero|none|nothing)\\b",
          FLAGS);
  private static final Pattern HALVED =
      Pattern.compile(
          "\\b(?:cut|reduced|dropped|fell|shrank|shrunk|brought)\\s+(?:[\\w-]+\\s+){0,4}?(?:in|by)\\s+half\\b"
              + "|\\bhalved\\b",
          FLAGS);
  private static final Pattern MULTIPLIED =
      Pattern.compile("\\b(?<word>doubled|tripled|trebled|quadrupled|twice as)\\b", FLAGS);
  private static final Pattern TIMES =
      Pattern.compile(
          "(?<![\\w.])(?<n>"
              + NUMBER
              + ")\\s?(?:x|times)\\s+(?:faster|more|fewer|less|cheaper|quicker|higher|lower|bigger"
              + "|smaller|as|the)\\b",
          FLAGS);
  private static final Pattern MONEY =
      Pattern.compile(
          "(?<cur>[$€£])\\s?(?<n>"
              + DIGIT_NUMBER
              + ")(?:\\s?(?<scale>k|mm|m|bn|b|million|billion|thousand)\\b)?"
              + "|(?<![\\w.])(?<n2>"
              + NUMBER
              + ")\\s?(?<scale2>k|m|million|billion|thousand)?\\s+(?:dollars|euros|pounds|usd|eur|gbp)\\b",
          FLAGS);
  private static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\w.])(?<n>"
              + NUMBER
              + ")\\s?(?:%|percent\\b|per cent\\b)"
              + "|\\bby an? (?<fraction>quarter|third|fifth|tenth)\\b",
          FLAGS);
  private static final Pattern DURATION =
      Pattern.compile(
          "(?<![\\w.$€£])(?<n>" + NUMBER + ")\\s?-?\\s?(?<unit>" + UNIT_WORD + ")\\b", FLAGS);
  private static final Pattern HALF_DURATION =
      Pattern.compile("\\bhalf an? (?:hour|day|week|month|year)\\b", FLAGS);
  private static final Pattern ONE_DURATION =
      Pattern.compile(
          "\\b(?:within|in|under|after|inside|for) an? (?:single )?(?<unit>hour|day|week|month)\\b",
          FLAGS);
  private static final Pattern RATING =
      Pattern.compile(
          "(?<![\\w.])(?<n>\\d+(?:\\.\\d+)?)\\s*(?:out of\\s+\\d+|/\\s?(?:5|10)\\b|stars?\\b)",
          FLAGS);
  private static final Pattern COUNT =
      Pattern.compile("(?<![\\w.$€£/-])(?<n>" + NUMBER + ")\\s+(?<word>[a-z][a-z-]*)", FLAGS);
  private static final Pattern NEXT_WORD = Pattern.compile("\\s+[a-z][a-z-]*", FLAGS);

  private static final Pattern LEADING_UNIT =
      Pattern.compile("^\\s*(?:" + NUMBER + ")?\\s?-?\\s?(" + UNIT_WORD + ")\\b", FLAGS);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Pattern FREQUENCY_ONLY = Pattern.compile(FREQUENCY, FLAGS);

  /** A unit after a figure: "12%", "40k", "$2m", "3x"; letters only right after a digit. */
  private static final Pattern SIDE_SUFFIX =
      Pattern.compile("(?:\\s?(%|percent|per cent)|(?<=\\d)\\s?(k|m|bn|x))$", FLAGS);

  private static final Pattern ZERO =
      Pattern.compile(
          "\\b(?:to|at|reached|near|stayed at|stayed near)\\s+(?<n>zero|none)\\b", FLAGS);

  private static final Set<String> NOT_COUNTED =
      Set.of(
          "of", "to", "and", "or", "in", "on", "at", "by", "for", "from", "the", "a", "an", "than",
          "less", "fewer", "percent", "per", "times", "out", "x", "with", "without", "as", "is",
          "was", "were", "be", "been", "it", "that", "this", "which", "who", "so", "but", "if",
          "after", "before", "into", "over", "under", "about", "each", "every", "up", "down",
          "back", "again", "instead", "while", "when", "where", "had", "have", "has", "did", "do",
          "are", "we", "i", "they", "he", "she", "you", "them", "there", "its", "their", "our",
          "my", "later", "earlier", "ago", "am", "pm", "o");

  private static final List<String> UNIT_STEMS =
      List.of("sec", "min", "hour", "hr", "day", "week", "month", "quarter", "year", "ms");

  private static final Set<String> PLURALS =
      Set.of("people", "staff", "children", "men", "women", "data", "feedback", "hires");

  private static final Map<String, Double> MULTIPLIERS =
      Map.of("doubled", 2.0, "tripled", 3.0, "trebled", 3.0, "quadrupled", 4.0, "twice as", 2.0);
  private static final Map<String, Double> FRACTIONS =
      Map.of("quarter", 25.0, "third", 33.3, "fifth", 20.0, "tenth", 10.0);

  private record Found(int start, int end, Metric metric) {
    boolean overlaps(Found other) {
      return start < other.end && other.start < end;
    }
  }

  private interface Reader {
    /** The figure's value, or null when the match is not a figure after all. */
    Double read(Matcher matcher);
  }

  /** One extraction: the original text for quotes, the lower-cased one for matching. */
  private record Scan(String original, String text, List<Found> found) {

    boolean has(String... fragments) {
      for (String fragment : fragments) {
        if (text.contains(fragment)) {
          return true;
        }
      }
      return false;
    }

    void all(Pattern pattern, MetricKind kind, Reader reader) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        Double value = reader.read(m);
        if (value != null) {
          add(m.start(), m.end(), kind, value);
        }
      }
    }

    void add(int start, int end, MetricKind kind, double value) {
      String shown = original.substring(start, end).strip();
      Found candidate = new Found(start, end, new Metric(kind.id(), value, shown));
      for (Found other : found) {
        if (other.overlaps(candidate)) {
          return;
        }
      }
      found.add(candidate);
    }
  }

  public List<Metric> extract(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    // lower-casing keeps offsets for all but a few rare letters; such texts are read as written
    Scan scan = new Scan(text, lower.length() == text.length() ? lower : text, new ArrayList<>());
    // each pattern only runs when a cheap look shows it could match: regexes dominate the cost
    if (scan.has("from ")) {
      fromTo(scan);
    }
    if (scan.has("zero", "none", "nothing")) {
      downToZero(scan);
    }
    if (scan.has("half", "halv")) {
      scan.all(HALVED, MetricKind.RATIO, m -> 0.5);
    }
    if (scan.has("doubl", "tripl", "trebl", "quadrupl", "twice")) {
      scan.all(
          MULTIPLIED,
          MetricKind.RATIO,
          m -> MULTIPLIERS.get(WHITESPACE.matcher(m.group("word")).replaceAll(" ")));
    }
    if (scan.has("x ", "times")) {
      scan.all(TIMES, MetricKind.RATIO, m -> number(m.group("n")));
    }
    if (scan.has("$", "€", "£", "dollar", "euro", "pound", "usd", "eur", "gbp")) {
      scan.all(MONEY, MetricKind.MONEY, MetricExtractor::money);
    }
    if (scan.has("%", "per", "by a")) {
      scan.all(PERCENT, MetricKind.PERCENT, MetricExtractor::percent);
    }
    if (scan.has(UNIT_STEMS.toArray(String[]::new))) {
      scan.all(DURATION, MetricKind.DURATION, m -> number(m.group("n")));
      scan.all(HALF_DURATION, MetricKind.DURATION, m -> 0.5);
      scan.all(ONE_DURATION, MetricKind.DURATION, m -> 1.0);
    }
    if (scan.has("out of", "/", "star")) {
      scan.all(RATING, MetricKind.RATING, m -> number(m.group("n")));
    }
    if (scan.has("zero", "none")) {
      scan.all(ZERO, MetricKind.COUNT, m -> 0.0);
    }
    count(scan);
    scan.found().sort(Comparator.comparingInt(Found::start));
    return scan.found().stream().map(Found::metric).toList();
  }

  private static void fromTo(Scan scan) {
    Matcher m = FROM_TO.matcher(scan.text());
    while (m.find()) {
      OptionalDouble before = sideValue(m.group("before"));
      OptionalDouble after = sideValue(m.group("after"));
      if (before.isEmpty() || after.isEmpty()) {
        continue;
      }
      double b = before.getAsDouble();
      double a = after.getAsDouble();
      String beforeUnit = unitIn(m.group("before") + " " + m.group("between"));
      String afterUnit = m.group("afterUnit") == null ? beforeUnit : unitIn(m.group("afterUnit"));
      if (beforeUnit != null && afterUnit != null) {
        b *= Durations.seconds(beforeUnit);
        a *= Durations.seconds(afterUnit);
      }
      double change = b == 0 ? a : Math.round((a - b) / b * 1000) / 10.0;
      scan.add(m.start(), m.end(), MetricKind.CHANGE, change);
    }
  }

  private static void downToZero(Scan scan) {
    Matcher m = DOWN_TO_ZERO.matcher(scan.text());
    while (m.find()) {
      Double before = number(m.group("before"));
      if (before != null && before > 0) {
        scan.add(m.start(), m.end(), MetricKind.CHANGE, -100);
      }
    }
  }

  private static void count(Scan scan) {
    String text = scan.text();
    Matcher m = COUNT.matcher(text);
    while (m.find()) {
      String number = m.group("n");
      String word = m.group("word");
      if (NOT_COUNTED.contains(word) || number.equals("one") || isYear(number)) {
        continue;
      }
      if (followsAcronym(scan.original(), m.start())) {
        continue;
      }
      int end = m.end();
      // show the noun phrase, "four breaking changes" rather than "four breaking", and stop at the
      // plural noun so that "25 teams used it" shows "25 teams"
      String last = word;
      for (int more = 0; more < 2 && !isPluralNoun(last); more++) {
        Matcher next = NEXT_WORD.matcher(text).region(end, text.length());
        String nextWord = next.lookingAt() ? next.group().strip() : "";
        if (nextWord.isEmpty()
            || NOT_COUNTED.contains(nextWord)
            || FunctionWords.contains(nextWord)) {
          break;
        }
        end = next.end();
        last = nextWord;
      }
      Double value = number(number);
      if (value != null) {
        scan.add(m.start(), end, MetricKind.COUNT, value);
      }
    }
  }

  private static boolean isPluralNoun(String word) {
    return (word.endsWith("s") && !word.endsWith("ss")) || PLURALS.contains(word);
  }

  private static boolean isYear(String number) {
    return YEAR.matcher(number).matches();
  }

  /** "SOC 2", "Q1 2", "ISO 27001": a number right after an upper-case acronym is a name. */
  private static boolean followsAcronym(String text, int start) {
    int end = start - 1;
    while (end >= 0 && text.charAt(end) == ' ') {
      end--;
    }
    int begin = end;
    while (begin >= 0 && Character.isLetter(text.charAt(begin))) {
      begin--;
    }
    String previous = text.substring(begin + 1, end + 1);
    return previous.length() >= 2 && previous.equals(previous.toUpperCase(Locale.ROOT));
  }

  private static Double money(Matcher m) {
    String number = m.group("n") != null ? m.group("n") : m.group("n2");
    String scale = m.group("scale") != null ? m.group("scale") : m.group("scale2");
    Double value = number(number);
    return value == null ? null : value * scaleOf(scale);
  }

  private static Double percent(Matcher m) {
    if (m.group("fraction") != null) {
      return FRACTIONS.get(m.group("fraction"));
    }
    return number(m.group("n"));
  }

  private static double scaleOf(String scale) {
    if (scale == null) {
      return 1;
    }
    return switch (scale) {
      case "k", "thousand" -> 1e3;
      case "m", "mm", "million" -> 1e6;
      case "b", "bn", "billion" -> 1e9;
      default -> 1;
    };
  }

  private static OptionalDouble sideValue(String side) {
    String s = side.strip();
    if (FREQUENCY_ONLY.matcher(s).matches()) {
      return OptionalDouble.of(Durations.perMonth(s));
    }
    if (!s.isEmpty() && (s.charAt(0) == '$' || s.charAt(0) == '€' || s.charAt(0) == '£')) {
      s = s.substring(1).strip();
    }
    double scale = 1;
    Matcher suffix = SIDE_SUFFIX.matcher(s);
    if (suffix.find()) {
      String unit = suffix.group(1) != null ? suffix.group(1) : suffix.group(2);
      scale =
          switch (unit) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "bn" -> 1e9;
            default -> 1;
          };
      s = s.substring(0, suffix.start());
    }
    OptionalDouble value = NumberWords.parse(s);
    return value.isPresent() ? OptionalDouble.of(value.getAsDouble() * scale) : value;
  }

  private static String unitIn(String text) {
    Matcher unit = LEADING_UNIT.matcher(text.strip());
    return unit.find() ? unit.group(1) : null;
  }

  private static Double number(String text) {
    OptionalDouble value = NumberWords.parse(text);
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
