package org.storybank.query.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.storybank.api.Level;
import org.storybank.api.evaluation.Verdict;
import org.storybank.rubric.Principle;
import org.storybank.rubric.PrinciplePitfall;
import org.storybank.rubric.RubricCatalog;

/**
 * Turns the query string into a {@link StoryQuery}, naming the parameter and what it accepts when a
 * value is wrong: an unknown principle is a mistake to point out, not a silent empty result.
 */
class StoryQueryParser {

  static final int MAX_TEXT = 500;

  private final Set<String> principles;
  private final Set<String> pitfalls = new HashSet<>();

  StoryQueryParser(RubricCatalog catalog) {
    this.principles =
        catalog.principles().stream().map(Principle::id).collect(Collectors.toUnmodifiableSet());
    catalog.pitfalls().forEach(pitfall -> pitfalls.add(pitfall.id()));
    for (Principle principle : catalog.principles()) {
      principle.pitfalls().stream().map(PrinciplePitfall::id).forEach(pitfalls::add);
    }
  }

  StoryQuery parse(Map<String, String> params) {
    String text = params.get("q");
    if (text != null && text.length() > MAX_TEXT) {
      throw new InvalidQuery("q", "is longer than " + MAX_TEXT + " characters");
    }
    Integer minScore = integer(params, "minScore", 0, 100);
    Integer maxScore = integer(params, "maxScore", 0, 100);
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new InvalidQuery("minScore", "is above maxScore");
    }
    Integer from = integer(params, "from", 0, StoryQuery.MAX_DEPTH);
    Integer size = integer(params, "size", 1, StoryQuery.MAX_SIZE);
    int first = from == null ? 0 : from;
    int pageSize = size == null ? 10 : size;
    if (first + pageSize > StoryQuery.MAX_DEPTH) {
      throw new InvalidQuery("from", "from + size may not pass " + StoryQuery.MAX_DEPTH);
    }
    return new StoryQuery(
        text,
        oneOf(params, "principle", principles),
        oneOf(params, "level", Arrays.stream(Level.values()).map(Level::id).toList()),
        oneOf(params, "pitfall", pitfalls),
        oneOf(params, "verdict", Arrays.stream(Verdict.values()).map(Verdict::id).toList()),
        minScore,
        maxScore,
        bool(params, "quantified"),
        blankToNull(params.get("candidateId")),
        blankToNull(params.get("cohortId")),
        instant(params, "updatedFrom", false),
        instant(params, "updatedTo", true),
        sort(params),
        first,
        pageSize,
        Boolean.TRUE.equals(bool(params, "archived")));
  }

  private static String oneOf(
      Map<String, String> params, String name, java.util.Collection<String> allowed) {
    String value = blankToNull(params.get(name));
    if (value != null && !allowed.contains(value)) {
      throw new InvalidQuery(
          name,
          "'"
              + value
              + "' is not one of "
              + allowed.stream().sorted().collect(Collectors.joining(", ")));
    }
    return value;
  }

  private static Integer integer(Map<String, String> params, String name, int min, int max) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        throw new InvalidQuery(name, "must be between " + min + " and " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new InvalidQuery(name, "'" + value + "' is not a whole number");
    }
  }

  private static Boolean bool(Map<String, String> params, String name) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidQuery(name, "must be true or false");
    };
  }

  /** A date means the whole day: from its start, or up to its end. */
  private static Instant instant(Map<String, String> params, String name, boolean endOfDay) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidQuery(name, "'" + value + "' is not a date (2026-11-25) or an instant");
    }
  }

  private static StoryQuery.Sort sort(Map<String, String> params) {
    String value = blankToNull(params.get("sort"));
    if (value == null) {
      return StoryQuery.Sort.RELEVANCE;
    }
    try {
      return StoryQuery.Sort.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidQuery("sort", "'" + value + "' is not one of relevance, score, recency");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A query parameter with a value the search cannot take. */
  static class InvalidQuery extends IllegalArgumentException {
    final String parameter;

    InvalidQuery(String parameter, String problem) {
      super(parameter + " " + problem);
      this.parameter = parameter;
    }
  }
}
