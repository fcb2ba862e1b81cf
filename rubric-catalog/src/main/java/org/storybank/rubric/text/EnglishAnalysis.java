package org.storybank.rubric.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits English text into sentences and stemmed tokens. The chain keeps stop words on purpose:
 * pronouns ("I", "we") and small words ("no", "not", "on call") carry much of what a coach reads in
 * a story. Thread-safe: Lucene reuses one token stream per thread.
 */
public final class EnglishAnalysis {

  private static final EnglishAnalysis INSTANCE = new EnglishAnalysis();

  private final Analyzer analyzer =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          TokenStream chain = new LowerCaseFilter(source);
          chain = new EnglishPossessiveFilter(chain);
          chain = new PorterStemFilter(chain);
          return new TokenStreamComponents(source, chain);
        }
      };

  private final ThreadLocal<BreakIterator> sentenceBreaks =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH));

  private EnglishAnalysis() {}

  public static EnglishAnalysis instance() {
    return INSTANCE;
  }

  public AnalysedText analyse(String text) {
    if (text == null || text.isBlank()) {
      return new AnalysedText(text == null ? "" : text, List.of(), List.of());
    }
    // curly apostrophes would otherwise split "wasn’t" differently from "wasn't"
    String raw = text.replace('\u2019', '\'');
    int[] sentenceStarts = sentenceStarts(raw);
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", raw)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int sentence = 0;
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        while (sentence + 1 < sentenceStarts.length && sentenceStarts[sentence + 1] <= start) {
          sentence++;
        }
        String surface = raw.substring(start, offset.endOffset()).toLowerCase(Locale.ROOT);
        tokens.add(new Token(surface, term.toString(), start, offset.endOffset(), sentence));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AnalysedText(raw, tokens, sentences(raw, sentenceStarts, tokens));
  }

  /** The stems of a phrase, as the same chain produces them for a story. */
  public List<String> stems(String phrase) {
    List<String> stems = new ArrayList<>();
    for (Token token : analyse(phrase).tokens()) {
      stems.add(token.stem());
    }
    return stems;
  }

  private int[] sentenceStarts(String raw) {
    BreakIterator breaks = sentenceBreaks.get();
    breaks.setText(raw);
    List<Integer> starts = new ArrayList<>();
    for (int start = breaks.first(); start != BreakIterator.DONE; start = breaks.next()) {
      if (start < raw.length()) {
        starts.add(start);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Sentence> sentences(String raw, int[] starts, List<Token> tokens) {
    List<Sentence> sentences = new ArrayList<>(starts.length);
    int token = 0;
    for (int i = 0; i < starts.length; i++) {
      int end = i + 1 < starts.length ? starts[i + 1] : raw.length();
      int first = token;
      while (token < tokens.size() && tokens.get(token).sentence() == i) {
        token++;
      }
      sentences.add(new Sentence(i, starts[i], end, first, token));
    }
    return sentences;
  }
}
