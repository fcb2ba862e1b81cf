package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.storybank.rubric.Signal;

/** Measures each {@link Signal} in a story, with evidence, for the criteria to combine. */
final class SignalReader {

  Map<Signal, SignalReading> read(StoryReading story) {
    Map<Signal, SignalReading> signals = new EnumMap<>(Signal.class);
    signals.put(Signal.AGENCY, agency(story));
    signals.put(Signal.INITIATIVE, initiative(story));
    signals.put(Signal.SCOPE, scope(story));
    signals.put(Signal.SPECIFICS, specifics(story));
    signals.put(Signal.JUDGEMENT, judgement(story));
    signals.put(
        Signal.ESCALATION,
        fromHits(
            story,
            story.hits(Lexicon.ESCALATION, Field.STAR),
            0.45,
            "Nothing was raised with anyone: no escalation, permission or decision asked for."));
    signals.put(Signal.FOLLOW_THROUGH, followThrough(story));
    signals.put(Signal.REFLECTION, reflection(story));
    signals.put(Signal.OUTCOME, outcome(story));
    signals.put(Signal.PRINCIPLE_FIT, principleFit(story));
    return signals;
  }

  private static SignalReading agency(StoryReading story) {
    if (story.text(Field.ACTION).isBlank()) {
      return new SignalReading(0, "The action is empty.");
    }
    Agency agency = story.agency();
    List<Hit> mine = story.hits(Lexicon.FIRST_PERSON, Field.ACTION);
    String shown = mine.isEmpty() ? "" : story.quote(mine.get(0)) + " ";
    return new SignalReading(
        agency.share(),
        shown
            + agency.firstPerson()
            + " first-person action(s) against "
            + agency.collective()
            + " told as \"we\" or \"the team\".");
  }

  private static SignalReading initiative(StoryReading story) {
    List<Hit> strong = story.hits(Lexicon.INITIATIVE_STRONG, Field.STAR);
    List<Hit> weak = story.hits(Lexicon.INITIATIVE_WEAK, Field.STAR);
    double strength = Math.min(1, 0.6 * strong.size() + 0.25 * weak.size());
    if (strong.isEmpty() && story.has(Lexicon.ASSIGNED, Field.STAR)) {
      strength = Math.max(0, strength - 0.3);
    }
    List<Hit> shown = new ArrayList<>(strong);
    shown.addAll(weak);
    if (shown.isEmpty()) {
      return new SignalReading(0, "No sign of stepping beyond the assigned work.");
    }
    return new SignalReading(strength, story.quotes(shown, 2));
  }

  private static SignalReading scope(StoryReading story) {
    ScopeReading scope = story.scope();
    String[] names = {"own task", "own team", "several teams", "organisation"};
    String evidence =
        "Reach: "
            + names[scope.level()]
            + (scope.evidence().isEmpty()
                ? "."
                : " (" + String.join(", ", scope.evidence()) + ").");
    return new SignalReading(scope.level() / 3.0, evidence);
  }

  private static SignalReading specifics(StoryReading story) {
    Specificity specificity = story.specificity();
    List<Hit> shown = new ArrayList<>(story.hits(Lexicon.OBSTACLE, Field.STORY_BEFORE_RESULT));
    shown.addAll(story.hits(Lexicon.CONCRETE_ACTION, Field.ACTION));
    String evidence =
        shown.isEmpty() ? "No obstacle or concrete action is named." : story.quotes(shown, 2);
    return new SignalReading(Math.min(1, specificity.score() / 20.0), evidence);
  }

  private static SignalReading judgement(StoryReading story) {
    List<Hit> decisions = new ArrayList<>(story.hits(Lexicon.TRADE_OFF_NAMED, Field.STAR));
    decisions.addAll(story.hits(Lexicon.DECISION, Field.STAR));
    if (decisions.isEmpty()) {
      return new SignalReading(0, "No options weighed and no decision or trade-off named.");
    }
    return new SignalReading(Math.min(1, 0.3 * decisions.size()), story.quotes(decisions, 2));
  }

  private static SignalReading followThrough(StoryReading story) {
    double strength = NoFollowThroughDetector.strength(story);
    List<Hit> shown = story.hits(Lexicon.FOLLOW_THROUGH, Field.ACTION_AND_RESULT);
    if (strength == 0) {
      return new SignalReading(
          0, "Nothing after the launch or fix: no monitoring, handover or prevention.");
    }
    String evidence =
        shown.isEmpty()
            ? story.quotes(story.hits(Lexicon.FOLLOW_THROUGH_WEAK, Field.ACTION_AND_RESULT), 1)
            : story.quotes(shown, 2);
    return new SignalReading(Math.min(1, strength / 2), evidence);
  }

  private static SignalReading reflection(StoryReading story) {
    List<Hit> lessons = story.hits(Lexicon.REFLECTION, Field.STAR);
    if (!lessons.isEmpty()) {
      return new SignalReading(1, story.quotes(lessons, 1));
    }
    List<Hit> tradeOffs = story.hits(Lexicon.TRADE_OFF_NAMED, Field.STAR);
    if (!tradeOffs.isEmpty()) {
      return new SignalReading(0.6, story.quotes(tradeOffs, 1));
    }
    return new SignalReading(0, "No lesson or named trade-off.");
  }

  private static SignalReading outcome(StoryReading story) {
    List<Metric> metrics = story.resultMetrics();
    if (!metrics.isEmpty()) {
      List<String> texts = metrics.stream().map(Metric::text).limit(4).toList();
      return new SignalReading(
          Math.min(1, 0.55 + 0.15 * metrics.size()), "Measured: " + String.join("; ", texts) + ".");
    }
    if (story.text(Field.RESULT).isBlank()) {
      return new SignalReading(0, "There is no result.");
    }
    int concrete = story.count(Lexicon.CONCRETE_OUTCOME, Field.RESULT);
    int vague = story.count(Lexicon.VAGUE_OUTCOME, Field.RESULT);
    double strength = concrete > vague ? 0.35 : concrete > 0 ? 0.15 : 0;
    return new SignalReading(strength, story.quote(Field.RESULT, 0) + " (no figure)");
  }

  private static SignalReading principleFit(StoryReading story) {
    List<Hit> hits = story.hits(Lexicon.principleCategory(story.principle().id()), Field.STAR);
    if (hits.isEmpty()) {
      return new SignalReading(
          0, "Little of the story speaks to " + story.principle().name() + " directly.");
    }
    List<String> words =
        hits.stream()
            .map(hit -> story.text(hit.field()).span(hit.match().start(), hit.match().end()))
            .distinct()
            .limit(5)
            .toList();
    return new SignalReading(
        Math.min(1, hits.size() / 3.0),
        "Speaks to the principle: " + String.join(", ", words) + ".");
  }

  private static SignalReading fromHits(
      StoryReading story, List<Hit> hits, double perHit, String absent) {
    if (hits.isEmpty()) {
      return new SignalReading(0, absent);
    }
    return new SignalReading(Math.min(1, perHit * hits.size()), story.quotes(hits, 2));
  }
}
