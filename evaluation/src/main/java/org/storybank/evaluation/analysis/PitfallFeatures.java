package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.storybank.api.Level;
import org.storybank.rubric.PitfallIds;

/**
 * What the learned pitfall model reads of a story: which rules fired, how often each lexicon
 * category occurs (in the whole story and in the parts where it matters most), the size of each
 * STAR part, who acts, how specific and how far-reaching the story is, and its level. All of it is
 * already computed for the rules, so the model adds microseconds, not a sentence model's
 * milliseconds.
 */
final class PitfallFeatures {

  private static final List<String> NAMES = new ArrayList<>();

  static {
    for (String pitfall : PitfallIds.FIXED) {
      NAMES.add("rule:" + pitfall);
    }
    for (String category : Lexicon.REQUIRED) {
      NAMES.add("star:" + category);
    }
    for (String category : Lexicon.REQUIRED) {
      NAMES.add("result:" + category);
    }
    for (String category : Lexicon.REQUIRED) {
      NAMES.add("action:" + category);
    }
    for (Field field : Field.STAR) {
      NAMES.add("words:" + field.id());
      NAMES.add("sentences:" + field.id());
    }
    NAMES.addAll(
        List.of(
            "words:shortest",
            "agency:first",
            "agency:collective",
            "agency:share",
            "specific:decisions",
            "specific:obstacles",
            "specific:figures",
            "specific:names",
            "specific:concrete",
            "specific:words",
            "specific:score",
            "scope:level",
            "result:metrics",
            "result:measured",
            "level:entry",
            "level:mid",
            "level:senior",
            "level:staff"));
  }

  private PitfallFeatures() {}

  static List<String> names() {
    return List.copyOf(NAMES);
  }

  static double[] of(StoryReading story, Set<String> firedRules) {
    double[] x = new double[NAMES.size()];
    int i = 0;
    for (String pitfall : PitfallIds.FIXED) {
      x[i++] = firedRules.contains(pitfall) ? 1 : 0;
    }
    for (String category : Lexicon.REQUIRED) {
      x[i++] = log(story.count(category, Field.STAR));
    }
    for (String category : Lexicon.REQUIRED) {
      x[i++] = log(story.count(category, Field.RESULT));
    }
    for (String category : Lexicon.REQUIRED) {
      x[i++] = log(story.count(category, Field.ACTION));
    }
    int shortest = Integer.MAX_VALUE;
    for (Field field : Field.STAR) {
      int words = story.text(field).wordCount();
      shortest = Math.min(shortest, words);
      x[i++] = log(words);
      x[i++] = log(story.text(field).sentences().size());
    }
    x[i++] = log(shortest);
    Agency agency = story.agency();
    x[i++] = log(agency.firstPerson());
    x[i++] = log(agency.collective());
    x[i++] = agency.share();
    Specificity specificity = story.specificity();
    x[i++] = log(specificity.decisions());
    x[i++] = log(specificity.obstacles());
    x[i++] = log(specificity.figures());
    x[i++] = log(specificity.names());
    x[i++] = log(specificity.concreteActions());
    x[i++] = log(specificity.specificWords());
    x[i++] = specificity.score() / 10;
    x[i++] = story.scope().level();
    x[i++] = log(story.resultMetrics().size());
    x[i++] = ResultMeasure.isMeasured(story) ? 1 : 0;
    Level level = story.level();
    x[i++] = level == Level.ENTRY ? 1 : 0;
    x[i++] = level == Level.MID ? 1 : 0;
    x[i++] = level == Level.SENIOR ? 1 : 0;
    x[i++] = level == Level.STAFF ? 1 : 0;
    return x;
  }

  private static double log(double count) {
    return Math.log1p(count);
  }
}
