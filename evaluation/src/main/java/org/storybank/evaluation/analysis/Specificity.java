package org.storybank.evaluation.analysis;

import java.util.HashSet;
import java.util.OptionalDouble;
import java.util.Set;
import org.storybank.rubric.text.AnalysedText;
import org.storybank.rubric.text.Sentence;
import org.storybank.rubric.text.Token;

/**
 * How concrete the story is before its result: decisions and obstacles, figures, named things
 * (capitalised words inside sentences, identifiers with digits) and concrete actions.
 */
record Specificity(
    int decisions,
    int obstacles,
    int figures,
    int names,
    int concreteActions,
    int actionWords,
    int specificWords) {

  static Specificity read(StoryReading story) {
    int figures = 0;
    Set<String> names = new HashSet<>();
    Set<String> specific = new HashSet<>();
    Set<Integer> generic = new HashSet<>();
    for (Field field : Field.STORY_BEFORE_RESULT) {
      AnalysedText text = story.text(field);
      generic.clear();
      for (Hit hit : story.hits(Lexicon.GENERIC_WORDS, field)) {
        for (int i = hit.match().firstToken(); i < hit.match().endToken(); i++) {
          generic.add(i);
        }
      }
      for (int i = 0; i < text.tokens().size(); i++) {
        Token token = text.tokens().get(i);
        if (!generic.contains(i)
            && token.surface().length() >= 4
            && !FunctionWords.contains(token.surface())
            && !isFigure(token.surface())) {
          specific.add(token.stem());
        }
      }
      for (Sentence sentence : text.sentences()) {
        for (int i = sentence.firstToken(); i < sentence.endToken(); i++) {
          Token token = text.tokens().get(i);
          if (isFigure(token.surface())) {
            figures++;
          } else if (i > sentence.firstToken() && isName(text, token)) {
            names.add(token.surface());
          }
        }
      }
    }
    return new Specificity(
        story.count(Lexicon.DECISION, Field.STORY_BEFORE_RESULT),
        story.count(Lexicon.OBSTACLE, Field.STORY_BEFORE_RESULT),
        figures,
        names.size(),
        story.count(Lexicon.CONCRETE_ACTION, Field.ACTION),
        story.text(Field.ACTION).wordCount(),
        specific.size());
  }

  /** A weighted count; stories a coach calls specific usually score well above fifteen. */
  double score() {
    return 1.5 * Math.min(decisions, 3)
        + Math.min(obstacles, 3)
        + Math.min(figures, 4)
        + 0.5 * Math.min(names, 4)
        + 0.75 * Math.min(concreteActions, 6)
        + Math.min(actionWords / 20.0, 3)
        + 0.25 * Math.min(specificWords, 24);
  }

  private static boolean isFigure(String surface) {
    if (surface.chars().anyMatch(Character::isDigit)) {
      return true;
    }
    OptionalDouble value = NumberWords.parse(surface);
    return value.isPresent() && value.getAsDouble() >= 2;
  }

  private static boolean isName(AnalysedText text, Token token) {
    String raw = text.span(token.start(), token.end());
    if (raw.length() < 2 || token.surface().equals("i") || token.surface().startsWith("i'")) {
      return false;
    }
    return Character.isUpperCase(raw.charAt(0));
  }
}
