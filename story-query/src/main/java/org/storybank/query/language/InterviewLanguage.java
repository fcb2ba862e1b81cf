package org.storybank.query.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * English analysis for search, done in the application so that the index needs nothing but the
 * {@code whitespace} analyzer (the minimal Elasticsearch build has no stemmers or synonym filters).
 * Stories and queries go through the same chain: lower case, possessives and stop words dropped,
 * Porter stems, then interview synonyms ("boss" and "manager", "push back" and "disagree") folded
 * into one term. Queries also lose the boilerplate every prompt shares ("tell me about a time").
 * Thread-safe: Lucene keeps one token stream per thread.
 */
public final class InterviewLanguage {

  private static final String SYNONYMS = "/search/synonyms.txt";
  private static final CharArraySet PROMPT_BOILERPLATE =
      new CharArraySet(
          List.of(
              "tell",
              "describe",
              "give",
              "example",
              "time",
              "times",
              "share",
              "walk",
              "talk",
              "me",
              "you",
              "your",
              "yourself",
              "about",
              "situation",
              "when",
              "did",
              "had",
              "have",
              "what",
              "how",
              "happened",
              "ever",
              "recent",
              "specific",
              "instance",
              "us",
              "made",
              "make",
              "work",
              "handle",
              "handled",
              "deal",
              "dealt",
              "something",
              "someone",
              "significant",
              "particular",
              "moment"),
          true);

  private static final InterviewLanguage INSTANCE = new InterviewLanguage();

  private final Analyzer stories;
  private final Analyzer queries;

  private InterviewLanguage() {
    SynonymMap synonyms = loadSynonyms();
    this.stories = chain(synonyms, false);
    this.queries = chain(synonyms, true);
  }

  public static InterviewLanguage instance() {
    return INSTANCE;
  }

  /** The terms a story's text is indexed under, space-separated for a whitespace analyzer. */
  public String indexTerms(String text) {
    return String.join(" ", terms(stories, text));
  }

  /** The distinct terms of a query, in order of first appearance. */
  public Set<String> queryTerms(String text) {
    return new LinkedHashSet<>(terms(queries, text));
  }

  /** Where in the text each term occurs, for highlighting. */
  public List<TermSpan> spans(String text) {
    List<TermSpan> spans = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return spans;
    }
    try (TokenStream stream = stories.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        spans.add(new TermSpan(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spans;
  }

  public record TermSpan(String term, int start, int end) {}

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return terms;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private static Analyzer chain(SynonymMap synonyms, boolean query) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream chain = beforeSynonyms(source, query);
        if (synonyms != null) {
          // ignoreCase=false: the chain lower-cases before the synonyms see a token
          chain = new SynonymGraphFilter(chain, synonyms, false);
        }
        return new TokenStreamComponents(source, chain);
      }
    };
  }

  private static TokenStream beforeSynonyms(Tokenizer source, boolean query) {
    TokenStream chain = new LowerCaseFilter(source);
    chain = new EnglishPossessiveFilter(chain);
    chain = new StopFilter(chain, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    if (query) {
      chain = new StopFilter(chain, PROMPT_BOILERPLATE);
    }
    return new PorterStemFilter(chain);
  }

  /** Synonym entries are analysed by the same chain as the text, so they match stems. */
  private static SynonymMap loadSynonyms() {
    Analyzer entries =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, beforeSynonyms(source, false));
          }
        };
    try (InputStream in = InterviewLanguage.class.getResourceAsStream(SYNONYMS);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, false, entries);
      parser.parse(reader);
      return parser.build();
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException("cannot read the synonym list " + SYNONYMS, e);
    } finally {
      entries.close();
    }
  }
}
