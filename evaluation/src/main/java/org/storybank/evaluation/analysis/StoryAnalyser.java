package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storybank.api.Level;
import org.storybank.evaluation.analysis.Evaluation.PitfallFinding;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;
import org.storybank.rubric.Signal;

/**
 * Judges a STAR story against the rubric of its principle and level: the pitfalls it shows (with
 * the words that show them and advice), each criterion's score, the figures in its result, the
 * follow-up questions it invites, and whether it meets the bar. Rule-based and stateless:
 * thread-safe, with no model and nothing loaded at evaluation time.
 */
public final class StoryAnalyser {

  private final RubricCatalog catalog;
  private final StoryReader reader;
  private final List<PitfallDetector> detectors =
      List.of(
          new AssignedScopeOnlyDetector(),
          new MartyrdomDetector(),
          new GenericEffortDetector(),
          new NoEscalationDetector(),
          new NoFollowThroughDetector(),
          new VagueOutcomeDetector(),
          new ScopeBelowLevelDetector(),
          new NoSpecificsDetector(),
          new WeNotIDetector(),
          new UnquantifiedResultDetector(),
          new MissingStarPartDetector(),
          new NoReflectionDetector());
  private final PrincipleSpecificPitfalls specificPitfalls = new PrincipleSpecificPitfalls();
  private final SignalReader signalReader = new SignalReader();
  private final CriteriaScorer criteriaScorer = new CriteriaScorer();
  private final FollowUpChooser followUpChooser = new FollowUpChooser();

  private final Optional<PitfallModel.Loaded> model;

  public StoryAnalyser(RubricCatalog catalog) {
    this(catalog, PitfallModel.load());
  }

  /** With the rules alone ({@code Optional.empty()}), or with a learned model on top of them. */
  StoryAnalyser(RubricCatalog catalog, Optional<PitfallModel.Loaded> model) {
    this.catalog = catalog;
    this.reader = new StoryReader(new Lexicon(catalog));
    this.model = model;
  }

  /** The catalog's version, and the learned model's hash when there is one. */
  public String rubricVersion() {
    return model.map(loaded -> catalog.version() + "+" + loaded.hash()).orElse(catalog.version());
  }

  /**
   * @throws IllegalArgumentException if the principle or the level is not one the rubric knows
   */
  public Evaluation evaluate(StoryInput input) {
    StoryReading story = read(input);
    Principle principle = story.principle();
    Level level = story.level();

    Map<String, String> byRules = rules(story);
    List<PitfallFinding> pitfalls = new ArrayList<>();
    for (String pitfall : decide(story, byRules)) {
      String evidence =
          byRules.containsKey(pitfall) ? byRules.get(pitfall) : ModelEvidence.of(pitfall, story);
      pitfalls.add(new PitfallFinding(pitfall, evidence, principle.pitfall(pitfall).advice()));
    }
    pitfalls.addAll(specificPitfalls.detect(story));
    List<Principle> others = otherPrinciples(input);
    for (Principle other : others) {
      for (PitfallFinding finding : specificPitfalls.detect(story, other)) {
        if (pitfalls.stream().noneMatch(p -> p.id().equals(finding.id()))) {
          pitfalls.add(finding);
        }
      }
    }

    Map<Signal, SignalReading> signals = signalReader.read(story);
    CriteriaScorer.Scored criteria = criteriaScorer.score(principle, signals);
    // the bar is the primary principle's; the other principles' criteria are scored beside its own,
    // named "principle/criterion", so a coach sees how the story serves each
    List<Evaluation.CriterionScore> allCriteria = new ArrayList<>(criteria.scores());
    for (Principle other : others) {
      for (Evaluation.CriterionScore score : criteriaScorer.score(other, signals).scores()) {
        allCriteria.add(
            new Evaluation.CriterionScore(
                other.id() + "/" + score.id(), score.score(), score.evidence()));
      }
    }
    BarDecision bar =
        BarDecision.decide(principle, catalog.level(level), criteria.mean(), pitfalls);
    return new Evaluation(
        input.id(),
        principle.id(),
        level.id(),
        bar.score(),
        bar.meetsBar(),
        bar.verdict(),
        pitfalls,
        allCriteria,
        story.resultMetrics(),
        followUpChooser.choose(story, pitfalls),
        rubricVersion());
  }

  /**
   * @throws IllegalArgumentException if one of the other principles is not one the rubric knows
   */
  private List<Principle> otherPrinciples(StoryInput input) {
    List<Principle> others = new ArrayList<>();
    for (String id : input.alsoPrinciples()) {
      others.add(
          catalog
              .principle(id)
              .orElseThrow(() -> new IllegalArgumentException("unknown principle '" + id + "'")));
    }
    return others;
  }

  /** What each rule found, by pitfall, in the rules' order. */
  private Map<String, String> rules(StoryReading story) {
    Map<String, String> found = new LinkedHashMap<>();
    for (PitfallDetector detector : detectors) {
      detector.detect(story).ifPresent(shown -> found.put(detector.pitfallId(), shown));
    }
    return found;
  }

  /** The pitfalls the story shows: the model's reading of the rules and features, if shipped. */
  private List<String> decide(StoryReading story, Map<String, String> byRules) {
    if (model.isEmpty()) {
      return List.copyOf(byRules.keySet());
    }
    PitfallModel learned = model.get().model();
    double[] x = learned.standardise(PitfallFeatures.of(story, byRules.keySet()));
    List<String> shown = new ArrayList<>();
    for (String pitfall : PitfallIds.FIXED) {
      PitfallModel.Classifier classifier = learned.pitfalls().get(pitfall);
      boolean found =
          classifier == null
              ? byRules.containsKey(pitfall)
              : classifier.decide(classifier.probability(x), byRules.containsKey(pitfall));
      if (found
          && (!PitfallIds.SCOPE_BELOW_LEVEL.equals(pitfall) || seniorOrAbove(story.level()))) {
        shown.add(pitfall);
      }
    }
    return shown;
  }

  /** Scope below the level is a senior and staff pitfall only (design brief). */
  private static boolean seniorOrAbove(Level level) {
    return level == Level.SENIOR || level == Level.STAFF;
  }

  /** The learned model's features for a story, for training it. */
  double[] features(StoryInput input) {
    StoryReading story = read(input);
    return PitfallFeatures.of(story, rules(story).keySet());
  }

  private StoryReading read(StoryInput input) {
    Principle principle =
        catalog
            .principle(input.principle())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("unknown principle '" + input.principle() + "'"));
    Level level =
        Level.fromId(input.level())
            .orElseThrow(
                () -> new IllegalArgumentException("unknown level '" + input.level() + "'"));
    return reader.read(input, level, principle);
  }
}
