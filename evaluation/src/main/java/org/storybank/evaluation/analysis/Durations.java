package org.storybank.evaluation.analysis;

import java.util.Locale;

/** Unit conversions used to compare a before and an after stated in different units. */
final class Durations {

  private Durations() {}

  static double seconds(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.startsWith("millisecond") || u.equals("ms")) {
      return 0.001;
    }
    if (u.startsWith("sec")) {
      return 1;
    }
    if (u.startsWith("min")) {
      return 60;
    }
    if (u.startsWith("h")) {
      return 3600;
    }
    if (u.startsWith("day")) {
      return 86_400;
    }
    if (u.startsWith("week")) {
      return 604_800;
    }
    if (u.startsWith("month")) {
      return 2_629_800;
    }
    if (u.startsWith("quarter")) {
      return 7_889_400;
    }
    return 31_557_600;
  }

  /** How many times a month something happens that happens at this frequency. */
  static double perMonth(String frequency) {
    String f = frequency.toLowerCase(Locale.ROOT);
    if (f.contains("hour")) {
      return 730;
    }
    if (f.contains("day") || f.equals("daily")) {
      return 30;
    }
    if (f.contains("week")) {
      return 4.3;
    }
    if (f.contains("month")) {
      return 1;
    }
    if (f.contains("quarter")) {
      return 1 / 3.0;
    }
    return 1 / 12.0;
  }
}
