package org.storybank.command.story;

import java.util.ArrayList;
import java.util.List;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.StarText;

/**
 * Carries confidential spans from one revision's text to the next. Text before or after the edited
 * stretch of a field keeps its span (shifted by the edit's change in length); a span the edit
 * touched follows its text to where it now is (the occurrence nearest its old place), and is
 * dropped when its text is gone.
 */
final class SpanCarry {

  /** The spans for the new text, and a warning for each one dropped. */
  record Carried(List<ConfidentialSpan> spans, List<String> warnings) {}

  private SpanCarry() {}

  static Carried carry(StarText before, StarText after, List<ConfidentialSpan> spans) {
    List<ConfidentialSpan> kept = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ConfidentialSpan span : spans) {
      String old = before.byField().get(span.field());
      String now = after.byField().get(span.field());
      ConfidentialSpan moved = move(span, old, now);
      if (moved == null || overlapsAny(moved, kept)) {
        warnings.add(
            "the confidential span "
                + span.field()
                + " "
                + span.start()
                + "-"
                + span.end()
                + " was dropped: its text is no longer in the "
                + span.field());
      } else {
        kept.add(moved);
      }
    }
    return new Carried(List.copyOf(kept), List.copyOf(warnings));
  }

  private static ConfidentialSpan move(ConfidentialSpan span, String old, String now) {
    if (old.equals(now)) {
      return span;
    }
    int prefix = commonPrefix(old, now);
    int suffix = commonSuffix(old, now, prefix);
    int delta = now.length() - old.length();
    if (span.end() <= prefix) {
      return span;
    }
    if (span.start() >= old.length() - suffix) {
      return new ConfidentialSpan(span.field(), span.start() + delta, span.end() + delta);
    }
    String secret = old.substring(span.start(), span.end());
    int best = -1;
    for (int at = now.indexOf(secret); at >= 0; at = now.indexOf(secret, at + 1)) {
      if (best < 0 || Math.abs(at - span.start()) < Math.abs(best - span.start())) {
        best = at;
      }
    }
    return best < 0 ? null : new ConfidentialSpan(span.field(), best, best + secret.length());
  }

  private static boolean overlapsAny(ConfidentialSpan span, List<ConfidentialSpan> others) {
    return others.stream()
        .anyMatch(
            o ->
                o.field().equals(span.field()) && o.start() < span.end() && span.start() < o.end());
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** The common suffix, never reaching into the common prefix of either text. */
  private static int commonSuffix(String a, String b, int prefix) {
    int n = Math.min(a.length(), b.length()) - prefix;
    int i = 0;
    while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
      i++;
    }
    return i;
  }
}
