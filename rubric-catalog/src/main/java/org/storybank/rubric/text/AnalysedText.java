package org.storybank.rubric.text;

import java.util.List;

/** A text split into sentences and stemmed tokens, with the offsets needed to quote it back. */
public record AnalysedText(String raw, List<Token> tokens, List<Sentence> sentences) {

  public static final AnalysedText EMPTY = new AnalysedText("", List.of(), List.of());

  public AnalysedText {
    tokens = List.copyOf(tokens);
    sentences = List.copyOf(sentences);
  }

  public boolean isBlank() {
    return tokens.isEmpty();
  }

  public int wordCount() {
    return tokens.size();
  }

  public String sentenceText(int sentenceIndex) {
    Sentence sentence = sentences.get(sentenceIndex);
    return raw.substring(sentence.start(), sentence.end()).strip();
  }

  public String span(int start, int end) {
    return raw.substring(start, end);
  }

  public long count(String surface) {
    return tokens.stream().filter(token -> token.surface().equals(surface)).count();
  }
}
