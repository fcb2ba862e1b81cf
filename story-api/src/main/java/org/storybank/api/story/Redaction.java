package org.storybank.api.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storybank.api.evaluation.EvaluationResult;

/**
 * What a story looks like to anyone but its author: each confidential span replaced by {@link
 * #MARKER}. Pure functions, shared by the command side (reads for coaches, exports) and the query
 * side (the documents it indexes).
 */
public final class Redaction {

  public static final String MARKER = "[confidential]";

  /** Shorter edge overlaps are taken for chance (one shared letter), not for a quoted secret. */
  private static final int MIN_OVERLAP = 3;

  private static final Set<String> COMMON =
      Set.of(
          "that", "this", "with", "from", "have", "were", "they", "them", "their", "then", "than",
          "into", "over", "year", "years", "month", "week", "team", "what", "when", "which",
          "about", "after", "before", "because", "would", "could", "should");

  private Redaction() {}

  public static StarText redact(StarText star, List<ConfidentialSpan> spans) {
    if (spans == null || spans.isEmpty()) {
      return star;
    }
    return new StarText(
        redactField(star, StarField.SITUATION, spans),
        redactField(star, StarField.TASK, spans),
        redactField(star, StarField.ACTION, spans),
        redactField(star, StarField.RESULT, spans));
  }

  private static String redactField(StarText star, StarField field, List<ConfidentialSpan> spans) {
    return redactField(field.of(star), field.id(), spans);
  }

  /** {@code text} of {@code field} with the spans on that field replaced, back to front. */
  public static String redactField(String text, String field, List<ConfidentialSpan> spans) {
    if (text == null || spans == null || spans.isEmpty()) {
      return text;
    }
    List<ConfidentialSpan> onField =
        spans.stream()
            .filter(span -> field.equals(span.field()))
            .sorted(Comparator.comparingInt(ConfidentialSpan::start).reversed())
            .toList();
    StringBuilder redacted = new StringBuilder(text);
    for (ConfidentialSpan span : onField) {
      int start = Math.max(0, Math.min(span.start(), redacted.length()));
      int end = Math.max(start, Math.min(span.end(), redacted.length()));
      redacted.replace(start, end, MARKER);
    }
    return redacted.toString();
  }

  /**
   * Where a position of the clear text of {@code field} is in the redacted text: shifted by the
   * spans before it; inside a span, at the start of its marker ({@code end} false) or its end.
   */
  public static int toRedacted(
      int position, String field, List<ConfidentialSpan> spans, boolean end) {
    int shift = 0;
    for (ConfidentialSpan span : onField(field, spans)) {
      if (span.end() <= position) {
        shift += span.end() - span.start() - MARKER.length();
      } else if (span.start() < position) {
        return span.start() - shift + (end ? MARKER.length() : 0);
      } else {
        break;
      }
    }
    return position - shift;
  }

  /**
   * Where a position of the redacted text of {@code field} is in the clear text; inside a marker,
   * at the start of its span ({@code end} false) or its end.
   */
  public static int toClear(int position, String field, List<ConfidentialSpan> spans, boolean end) {
    int shift = 0;
    for (ConfidentialSpan span : onField(field, spans)) {
      int markerStart = span.start() - shift;
      if (position <= markerStart) {
        break;
      }
      if (position < markerStart + MARKER.length()) {
        return end ? span.end() : span.start();
      }
      shift += span.end() - span.start() - MARKER.length();
    }
    return position + shift;
  }

  private static List<ConfidentialSpan> onField(String field, List<ConfidentialSpan> spans) {
    return spans == null
        ? List.of()
        : spans.stream()
            .filter(span -> field.equals(span.field()))
            .sorted(Comparator.comparingInt(ConfidentialSpan::start))
            .toList();
  }

  /** The clear text under each span, for redacting quotes of it elsewhere (evaluation evidence). */
  public static List<String> secrets(StarText star, List<ConfidentialSpan> spans) {
    List<String> secrets = new ArrayList<>();
    if (spans == null) {
      return secrets;
    }
    for (ConfidentialSpan span : spans) {
      String text = star.byField().get(span.field());
      if (text != null && span.start() >= 0 && span.end() <= text.length()) {
        String secret = text.substring(span.start(), span.end()).strip();
        if (!secret.isEmpty()) {
          secrets.add(secret);
        }
      }
    }
    return secrets;
  }

  /** {@code text} with every occurrence of every secret replaced, longest secret first. */
  public static String redactQuotes(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty() || secrets == null || secrets.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (String secret :
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      if (!redacted.isBlank() && secret.contains(redacted.strip())) {
        return MARKER;
      }
      redacted = redacted.replace(secret, MARKER);
      redacted = redactOverlap(redacted, secret);
      redacted = redactWords(redacted, secret);
    }
    return redacted;
  }

  /**
   * The telling words of a secret wherever they stand alone in the text: a summary that quotes a
   * figure or a name out of its sentence ("Measured: $4.7M") keeps none of it. Words without a
   * digit shorter than four letters, and a few common ones, are taken as chance.
   */
  private static String redactWords(String text, String secret) {
    String redacted = text;
    for (String word : secret.split("\\s+")) {
      String token = word.replaceAll("^[\\p{Punct}&&[^$€£#]]+|\\p{Punct}+$", "");
      boolean figure = token.chars().anyMatch(Character::isDigit);
      if (token.isEmpty()
          || (!figure && (token.length() < 4 || COMMON.contains(token.toLowerCase(Locale.ROOT))))
          || (figure && token.length() < 2)) {
        continue;
      }
      redacted =
          redacted.replaceAll(
              "(?<![\\p{L}\\p{N}])" + Pattern.quote(token) + "(?![\\p{L}\\p{N}])",
              Matcher.quoteReplacement(MARKER));
    }
    return redacted;
  }

  /** A quote that starts or ends inside a secret (the span crosses the quote's edge). */
  private static String redactOverlap(String text, String secret) {
    for (int length = Math.min(text.length(), secret.length()) - 1;
        length >= MIN_OVERLAP;
        length--) {
      if (text.endsWith(secret.substring(0, length))) {
        return text.substring(0, text.length() - length) + MARKER;
      }
      if (text.startsWith(secret.substring(secret.length() - length))) {
        return MARKER + text.substring(length);
      }
    }
    return text;
  }

  /**
   * An evaluation as others may read it: evidence, metric text and notes that quote a confidential
   * span carry the marker instead. A metric found inside a span still counts, but its figure is
   * withheld too (value 0), since the figure is what the span hides.
   */
  public static EvaluationResult redact(EvaluationResult result, Collection<String> secrets) {
    if (result == null || secrets == null || secrets.isEmpty()) {
      return result;
    }
    return new EvaluationResult(
        result.rubricVersion(),
        result.score(),
        result.verdict(),
        result.meetsBar(),
        result.criteria().stream()
            .map(
                c ->
                    new EvaluationResult.CriterionScore(
                        c.id(), c.score(), redactQuotes(c.evidence(), secrets)))
            .toList(),
        result.pitfalls().stream()
            .map(
                p ->
                    new EvaluationResult.PitfallFinding(
                        p.id(), redactQuotes(p.evidence(), secrets)))
            .toList(),
        result.metrics().stream()
            .map(
                m -> {
                  String text = redactQuotes(m.text(), secrets);
                  boolean hidden = text != null && !text.equals(m.text());
                  return new EvaluationResult.ResultMetric(m.kind(), hidden ? 0 : m.value(), text);
                })
            .toList(),
        redactQuotes(result.notes(), secrets));
  }
}
