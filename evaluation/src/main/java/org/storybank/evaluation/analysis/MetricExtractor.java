package org.storybank.evaluation.analysis;

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
import org.storybank.evaluation.analysis.Units.Dimension;
import org.storybank.evaluation.analysis.Units.Unit;

/**
 * Finds measurable figures in a text: before-and-after changes, ratios, money, percentages and
 * percentage points, durations, sizes, ratings and counts, in digits or in words. Patterns run from
 * the most specific to the least, and a figure already claimed by an earlier pattern is not counted
 * again.
 *
 * <p>A figure's unit comes from {@link Units}: a change is only computed between two figures whose
 * units compare (both durations, both sizes, the same currency…), each first turned into its
 * dimension's base unit, so "from 1.8 s to 300 ms" is -83.3 and "from 2 GB to 30 seconds" is no
 * change at all. A side without a unit takes the other side's ("from 3 to 5 days"). Dates ("18
 * December"), times of day ("at 3 am", "9:30"), years, versions ("v2.3", "iOS 17", "Python 3.11"),
 * labels ("Q3", "sprint 14", "ward 7") and id-like numbers ("0142", "#12") are never counts.
 */
public final class MetricExtractor {

  // Patterns run on lower-cased text; quotes come from the original.

  private static final String QUALIFIER =
      "(?:(?:about|roughly|around|approximately|nearly|almost|just|only|under|over|below|above"
          + "|more than|less than|fewer than|at least|up to|~)\\s*)?";
  private static final String FREQUENCY =
      "(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|every (?:day|week|month|quarter|year)"
          + "|once a (?:day|week|month|quarter|year))";
  private static final String MONTH =
      "(?:january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

  /**
   * A figure with what it measures, if anything: "$1.2m", "usd 40k", "300 ms", "2 gb", "12%", "3
   * pp", "40k euros", "3x", "1.2 million". Never starts inside a word, a decimal, a time ("3:30"),
   * a date ("18/12") or an id ("#12"), nor stops short of a longer dotted number ("3.11.2"). A
   * letter scale only follows digits ("40k"; "2b" is a billion, "2 B" two bytes).
   */
  private static final String QUANTITY =
      "(?:(?<sign>[$€£¥₹])\\s?|(?<code>\\b(?:usd|eur|gbp))\\s?|(?<![\\w.,/:#]))"
          + "(?<n>"
          + NUMBER
          + ")(?:(?<=\\d)|(?![a-z]))(?![.,:/]?\\d)"
          + "(?:(?<=\\d)(?:\\s?(?<scale>k|mm|bn|m)|(?<attached>b))(?![a-z]))?"
          + "(?:\\s?-?\\s?(?<unit>"
          + Units.ALTERNATION
          + ")(?![a-z]))?";

  /** {@link #QUANTITY} without its group names, for the two sides of a change. */
  private static final String SIDE = QUANTITY.replaceAll("\\(\\?<[a-z]+>", "(?:");

  private static final Pattern FIGURE = Pattern.compile(QUANTITY);
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
              + "|zero|none|nothing)");
  private static final Pattern ARROW =
      Pattern.compile("(?<before>" + SIDE + ")\\s*(?:->|→|=>)\\s*(?<after>" + SIDE + ")");
  private static final Pattern DOWN_TO_ZERO =
      Pattern.compile(
          "(?<![\\w$€£.,/-])(?<before>"
              + NUMBER
              + ")\\s+(?<between>(?:[a-z-]+\\s+){1,5}?)(?:down\\s+)?to\\s+(?:zero|none|nothing)\\b");
  private static final Pattern HALVED =
      Pattern.compile(
          "\\b(?:cut|reduced|dropped|fell|shrank|shrunk|brought)\\s+(?:[\\w-]+\\s+){0,4}?(?:in|by)\\s+half\\b"
              + "|\\bhalved\\b");
  private static final Pattern MULTIPLIED =
      Pattern.compile("\\b(?<word>doubled|tripled|trebled|quadrupled|twice as)\\b");
  private static final Pattern FOLD =
      Pattern.compile("(?<![\\w.])(?<n>" + NUMBER + ")[- ]?fold\\b");
  private static final Pattern TIMES =
      Pattern.compile(
          "(?<![\\w.])(?<n>"
              + NUMBER
              + ")\\s?(?:x|times)\\s+(?:faster|more|fewer|less|cheaper|quicker|higher|lower|bigger"
              + "|smaller|as|the)\\b");
  private static final Pattern FRACTION =
      Pattern.compile("\\bby an? (?<fraction>quarter|third|fifth|tenth)\\b");
  private static final Pattern HALF_DURATION =
      Pattern.compile("\\bhalf an? (?:hour|day|week|month|year)\\b");
  private static final Pattern ONE_DURATION =
      Pattern.compile(
          "\\b(?:within|in|under|after|inside|for) an? (?:single )?(?<unit>hour|day|week|month)\\b");
  private static final Pattern RATING =
      Pattern.compile(
          "(?<![\\w.])(?<n>\\d+(?:\\.\\d+)?)\\s*(?:out of\\s+\\d+|/\\s?(?:5|10)\\b|stars?\\b)");
  private static final Pattern COUNT =
      Pattern.compile("(?<![\\w.,$€£¥₹/:#-])(?<n>" + NUMBER + ")\\s+(?<word>[a-z][a-z-]*)");
  private static final Pattern NEXT_WORD = Pattern.compile("\\s+[a-z][a-z-]*");
  private static final Pattern ZERO =
      Pattern.compile("\\b(?:to|at|reached|near|stayed at|stayed near)\\s+(?<n>zero|none)\\b");

  /** What right after a number makes it a date or a time of day: "18 December", "3 am". */
  private static final Pattern DATE_OR_TIME_AFTER =
      Pattern.compile(
          "(?:st|nd|rd|th)?\\s*(?:of\\s+)?"
              + MONTH
              + "\\b|\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock|o’clock|noon|midnight)(?![a-z])");

  private static final Pattern MONTH_WORD = Pattern.compile(MONTH);
  private static final Pattern FREQUENCY_ONLY = Pattern.compile(FREQUENCY);
  private static final Pattern NOTHING = Pattern.compile("zero|none|nothing");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
  private static final Pattern ID_LIKE = Pattern.compile("0\\d+|\\d{7,}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static final Set<String> NOT_COUNTED =
      Set.of(
          "of",
          "to",
          "and",
          "or",
          "in",
          "on",
          "at",
          "by",
          "for",
          "from",
          "the",
          "a",
          "an",
          "than",
          "less",
          "fewer",
          "percent",
          "per",
          "times",
          "out",
          "x",
          "with",
          "without",
          "as",
          "is",
          "was",
          "were",
          "be",
          "been",
          "it",
          "that",
          "this",
          "which",
          "who",
          "so",
          "but",
          "if",
          "after",
          "before",
          "into",
          "over",
          "under",
          "about",
          "each",
          "every",
          "up",
          "down",
          "back",
          "again",
          "instead",
          "while",
          "when",
          "where",
          "had",
          "have",
          "has",
          "did",
          "do",
          "are",
          "we",
          "i",
          "they",
          "he",
          "she",
          "you",
          "them",
          "there",
          "its",
          "their",
          "our",
          "my",
          "later",
          "earlier",
          "ago",
          "am",
          "pm",
          "o",
          "sharp",
          "noon",
          "midnight");

  /** Words after which a number names something rather than counts it: "sprint 14", "ward 7". */
  private static final Set<String> LABELS =
      Set.of(
          "version",
          "release",
          "build",
          "rev",
          "revision",
          "sprint",
          "step",
          "phase",
          "stage",
          "round",
          "level",
          "grade",
          "tier",
          "room",
          "ward",
          "bed",
          "bay",
          "aisle",
          "gate",
          "route",
          "flight",
          "platform",
          "page",
          "chapter",
          "section",
          "ticket",
          "incident",
          "issue",
          "bug",
          "pr",
          "id",
          "ref",
          "store",
          "number");

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

  /**
   * A figure as stated (its number times any scale: "40k" is 40000) and its unit, if it has one.
   */
  private record Quantity(double stated, Unit unit, boolean year) {

    double base() {
      return unit == null ? stated : stated * unit.factor();
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
      changes(scan, FROM_TO);
    }
    if (scan.has("->", "→", "=>")) {
      changes(scan, ARROW);
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
    if (scan.has("fold")) {
      scan.all(FOLD, MetricKind.RATIO, m -> number(m.group("n")));
    }
    if (scan.has("x ", "times")) {
      scan.all(TIMES, MetricKind.RATIO, m -> number(m.group("n")));
    }
    figures(scan);
    if (scan.has("by a")) {
      scan.all(FRACTION, MetricKind.PERCENT, m -> FRACTIONS.get(m.group("fraction")));
    }
    if (scan.has("hour", "day", "week", "month", "year")) {
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

  /** "from 1.8 s to 300 ms", "2 GB -> 180 MB": the relative change once both are in one unit. */
  private static void changes(Scan scan, Pattern pattern) {
    Matcher m = pattern.matcher(scan.text());
    while (m.find()) {
      if (isDateOrTime(scan.text(), m.end("before")) || isDateOrTime(scan.text(), m.end("after"))) {
        continue;
      }
      Quantity before = side(scan, m.start("before"), m.end("before"));
      Quantity after = side(scan, m.start("after"), m.end("after"));
      Double change = before == null || after == null ? null : change(before, after);
      if (change != null) {
        scan.add(m.start(), m.end(), MetricKind.CHANGE, change);
      }
    }
  }

  /** Relative change in percent, or null when the two do not compare (years, other units). */
  private static Double change(Quantity before, Quantity after) {
    if (before.year() && after.year()) {
      return null;
    }
    Unit unit = before.unit() != null ? before.unit() : after.unit();
    Quantity b = before.unit() != null ? before : new Quantity(before.stated(), unit, false);
    Quantity a = after.unit() != null ? after : new Quantity(after.stated(), unit, false);
    if (unit != null && !b.unit().comparesWith(a.unit())) {
      return null;
    }
    if (b.base() == 0) {
      return after.stated();
    }
    return Math.round((a.base() - b.base()) / b.base() * 1000) / 10.0;
  }

  /** One side of a change: a figure, a frequency ("monthly") or nothing ("zero", "none"). */
  private static Quantity side(Scan scan, int start, int end) {
    String side = scan.text().substring(start, end);
    if (NOTHING.matcher(side).matches()) {
      return new Quantity(0, null, false);
    }
    if (FREQUENCY_ONLY.matcher(side).matches()) {
      return new Quantity(1, Units.frequency(side), false);
    }
    Matcher m = FIGURE.matcher(scan.text()).region(start, end);
    return m.matches() ? quantity(scan, m) : null;
  }

  /** Figures with a unit standing alone: money, percentages, points, durations, sizes, "3x". */
  private static void figures(Scan scan) {
    Matcher m = FIGURE.matcher(scan.text());
    while (m.find()) {
      if (m.group("unit") == null && m.group("sign") == null && m.group("code") == null) {
        continue;
      }
      Quantity figure = quantity(scan, m);
      if (figure == null || figure.unit() == null) {
        continue;
      }
      MetricKind kind =
          switch (figure.unit().dimension()) {
            case DURATION -> MetricKind.DURATION;
            case SIZE -> MetricKind.SIZE;
            case MONEY -> MetricKind.MONEY;
            case PERCENT -> MetricKind.PERCENT;
            case PERCENTAGE_POINTS -> MetricKind.PERCENTAGE_POINTS;
            case RATIO -> MetricKind.RATIO;
            case FREQUENCY -> null;
          };
      if (kind != null) {
        scan.add(m.start(), m.end(), kind, figure.stated());
      }
    }
  }

  /** The figure a {@link #FIGURE} match stands for, or null when it is not one ("the 1990s"). */
  private static Quantity quantity(Scan scan, Matcher m) {
    String digits = m.group("n");
    Double number = number(digits);
    if (number == null) {
      return null;
    }
    String scale = m.group("scale") != null ? m.group("scale") : m.group("attached");
    double stated = number * NumberWords.scale(scale);
    Unit money = Units.of(m.group("sign") != null ? m.group("sign") : m.group("code"));
    String word = m.group("unit");
    Unit unit = Units.of(word);
    if ("b".equals(word)) {
      // "$2 b" is two billion; "512 B" is bytes only when written as a capital
      if (money != null) {
        stated *= NumberWords.scale(word);
        unit = null;
      } else if (scan.original().charAt(m.start("unit")) != 'B') {
        unit = null;
      }
    }
    if (money != null) {
      unit = money;
    }
    boolean year = YEAR.matcher(digits).matches();
    if (year && unit != null && unit.dimension() == Dimension.DURATION && "s".equals(word)) {
      return null; // a decade
    }
    return new Quantity(stated, unit, year && unit == null);
  }

  private static void downToZero(Scan scan) {
    Matcher m = DOWN_TO_ZERO.matcher(scan.text());
    while (m.find()) {
      Double before = number(m.group("before"));
      if (before != null && before > 0 && !isDateOrTime(scan.text(), m.end("before"))) {
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
      if (NOT_COUNTED.contains(word)
          || number.equals("one")
          || YEAR.matcher(number).matches()
          || ID_LIKE.matcher(number).matches()
          || isDateOrTime(text, m.end("n"))
          || namesSomething(scan, m.start(), number)) {
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

  /** "18 December", "18th of Dec", "3 am", "11 o'clock": the number is a date or a time. */
  private static boolean isDateOrTime(String text, int numberEnd) {
    return DATE_OR_TIME_AFTER.matcher(text).region(numberEnd, text.length()).lookingAt();
  }

  /**
   * Whether the word before the number makes it a name rather than a count: a month ("December
   * 18"), a label ("sprint 14", "ward 7"), an acronym ("SOC 2", "ISO 27001"), or a capitalised name
   * inside a sentence or before a dotted number ("iOS 17", "Python 3.11", "Year 9").
   */
  private static boolean namesSomething(Scan scan, int numberStart, String number) {
    String original = scan.original();
    int end = numberStart;
    while (end > 0 && original.charAt(end - 1) == ' ') {
      end--;
    }
    int begin = end;
    while (begin > 0 && Character.isLetter(original.charAt(begin - 1))) {
      begin--;
    }
    if (begin == end) {
      return false;
    }
    String previous = original.substring(begin, end);
    String lower = scan.text().substring(begin, end);
    if (LABELS.contains(lower) || MONTH_WORD.matcher(lower).matches()) {
      return true;
    }
    if (lower.equals(previous) || previous.equals("I")) {
      return false;
    }
    boolean acronym = previous.length() >= 2 && previous.equals(previous.toUpperCase(Locale.ROOT));
    boolean innerCapital = !previous.substring(1).equals(lower.substring(1));
    return acronym
        || innerCapital
        || number.indexOf('.') >= 0
        || !(startsSentence(original, begin) || FunctionWords.contains(lower));
  }

  private static boolean startsSentence(String text, int wordStart) {
    int i = wordStart;
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i == 0 || ".!?:;\"“(\n".indexOf(text.charAt(i - 1)) >= 0;
  }

  private static Double number(String text) {
    OptionalDouble value = NumberWords.parse(text);
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
