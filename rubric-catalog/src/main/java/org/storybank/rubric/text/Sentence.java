package org.storybank.rubric.text;

/** A sentence of a text: its character span and the range of its tokens [firstToken, endToken). */
public record Sentence(int index, int start, int end, int firstToken, int endToken) {

  public int tokenCount() {
    return endToken - firstToken;
  }
}
