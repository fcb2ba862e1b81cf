package org.storybank.evaluation.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The units a figure can carry, each with what it measures and its size in that dimension's base
 * unit: seconds for durations, bytes for sizes, whole currency units for money (one currency per
 * unit, so dollars and euros never compare), percent, percentage points, times (for "3x"), and
 * occurrences a month for frequencies. Two figures compare only when their units share a dimension
 * (and a currency).
 */
final class Units {

  enum Dimension {
    DURATION,
    SIZE,
    MONEY,
    PERCENT,
    PERCENTAGE_POINTS,
    RATIO,
    FREQUENCY
  }

  /** A unit: its dimension, how many base units one of it is, and its currency for money. */
  record Unit(Dimension dimension, double factor, String currency) {

    boolean comparesWith(Unit other) {
      return dimension == other.dimension
          && (currency == null || other.currency == null || currency.equals(other.currency));
    }
  }

  private static final double SECOND = 1;
  private static final double MINUTE = 60;
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;
  private static final double WEEK = 7 * DAY;
  private static final double YEAR = 365.25 * DAY;
  private static final double MONTH = YEAR / 12;
  private static final double QUARTER = YEAR / 4;

  private static final Map<String, Unit> UNITS = new HashMap<>();

  static {
    duration(0.000_001, "µs", "microsecond", "microseconds");
    duration(0.001, "ms", "msec", "msecs", "millisecond", "milliseconds");
    duration(SECOND, "s", "sec", "secs", "second", "seconds");
    duration(MINUTE, "min", "mins", "minute", "minutes");
    duration(HOUR, "h", "hr", "hrs", "hour", "hours");
    duration(DAY, "day", "days");
    duration(WEEK, "wk", "wks", "week", "weeks");
    duration(MONTH, "mo", "mos", "month", "months");
    duration(QUARTER, "quarter", "quarters");
    duration(YEAR, "yr", "yrs", "year", "years");

    // decimal prefixes are powers of 1000, binary ones (KiB) powers of 1024
    size(1, "b", "byte", "bytes");
    size(1e3, "kb", "kilobyte", "kilobytes");
    size(1e6, "mb", "megabyte", "megabytes");
    size(1e9, "gb", "gigabyte", "gigabytes");
    size(1e12, "tb", "terabyte", "terabytes");
    size(1e15, "pb", "petabyte", "petabytes");
    size(1024, "kib", "kibibyte", "kibibytes");
    size(1024.0 * 1024, "mib", "mebibyte", "mebibytes");
    size(1024.0 * 1024 * 1024, "gib", "gibibyte", "gibibytes");
    size(1024.0 * 1024 * 1024 * 1024, "tib", "tebibyte", "tebibytes");

    money("usd", "$", "usd", "dollar", "dollars", "bucks");
    money("eur", "€", "eur", "euro", "euros");
    money("gbp", "£", "gbp", "pounds", "quid");
    money("jpy", "¥", "jpy", "yen");
    money("inr", "₹", "inr", "rupees");

    put(Dimension.PERCENT, 1, "%", "percent", "per cent", "pct");
    put(Dimension.PERCENTAGE_POINTS, 1, "percentage points", "percentage point", "pp", "p.p.");
    put(Dimension.RATIO, 1, "x");
  }

  /** Every unit word and symbol as a regex alternation, longest first. */
  static final String ALTERNATION =
      UNITS.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
          .map(Pattern::quote)
          .collect(Collectors.joining("|", "(?:", ")"));

  private Units() {}

  /** The unit written as {@code word} (any case), or null when it is not one. */
  static Unit of(String word) {
    return word == null ? null : UNITS.get(word.strip().toLowerCase(Locale.ROOT));
  }

  /** "hourly", "every week", "once a month": how many times a month that is. */
  static Unit frequency(String phrase) {
    String f = phrase.toLowerCase(Locale.ROOT);
    double period;
    if (f.contains("hour")) {
      period = HOUR;
    } else if (f.contains("day") || f.equals("daily")) {
      period = DAY;
    } else if (f.contains("week")) {
      period = WEEK;
    } else if (f.contains("month")) {
      period = MONTH;
    } else if (f.contains("quarter")) {
      period = QUARTER;
    } else {
      period = YEAR;
    }
    return new Unit(Dimension.FREQUENCY, MONTH / period, null);
  }

  private static void duration(double seconds, String... words) {
    put(Dimension.DURATION, seconds, words);
  }

  private static void size(double bytes, String... words) {
    put(Dimension.SIZE, bytes, words);
  }

  private static void money(String currency, String... words) {
    for (String word : words) {
      UNITS.put(word, new Unit(Dimension.MONEY, 1, currency));
    }
  }

  private static void put(Dimension dimension, double factor, String... words) {
    for (String word : words) {
      UNITS.put(word, new Unit(dimension, factor, null));
    }
  }
}
