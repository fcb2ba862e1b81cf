package org.storybank.query.language;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.storybank.query.language.InterviewLanguage.TermSpan;

/**
 * Picks the sentences of a field that hold the query's terms and marks the words with {@code <em>}.
 * Works on the application's analysis, so a stem or a synonym is marked too ("pushed back" for a
 * query about disagreeing). Everything else in the text is HTML-escaped: a story is text, and
 * markup in it must show as written, never act.
 */
public final class Highlighter {

  private static final int MAX_FRAGMENT = 300;

  private final InterviewLanguage language;
  private final int fragments;

  public Highlighter(InterviewLanguage language, int fragments) {
    this.language = language;
    this.fragments = fragments;
  }

  public List<String> highlight(String text, Set<String> queryTerms) {
    if (text == null || text.isEmpty() || queryTerms.isEmpty()) {
      return List.of();
    }
    List<TermSpan> hits =
        language.spans(text).stream().filter(span -> queryTerms.contains(span.term())).toList();
    if (hits.isEmpty()) {
      return List.of();
    }
    List<Fragment> candidates = new ArrayList<>();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    sentences.setText(text);
    int order = 0;
    for (int start = sentences.first(), end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      int from = start;
      int to = Math.min(end, start + MAX_FRAGMENT);
      List<TermSpan> inside =
          hits.stream().filter(span -> span.start() >= from && span.end() <= to).toList();
      if (!inside.isEmpty()) {
        Set<String> distinct = new HashSet<>();
        inside.forEach(span -> distinct.add(span.term()));
        candidates.add(new Fragment(order++, from, to, inside, distinct.size()));
      }
    }
    return candidates.stream()
        .sorted(Comparator.comparingInt(Fragment::distinctTerms).reversed())
        .limit(fragments)
        .sorted(Comparator.comparingInt(Fragment::order))
        .map(fragment -> mark(text, fragment))
        .toList();
  }

  private record Fragment(int order, int start, int end, List<TermSpan> spans, int distinctTerms) {}

  private static String mark(String text, Fragment fragment) {
    StringBuilder out = new StringBuilder();
    int at = fragment.start();
    for (TermSpan span : fragment.spans()) {
      if (span.start() < at) {
        continue; // a synonym graph can give overlapping spans; mark the first
      }
      escape(text, at, span.start(), out);
      out.append("<em>");
      escape(text, span.start(), span.end(), out);
      out.append("</em>");
      at = span.end();
    }
    escape(text, at, fragment.end(), out);
    return out.toString().strip();
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }
}
