package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storybank.api.Level;
import org.storybank.evaluation.analysis.Evaluation.PitfallFinding;
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

  public StoryAnalyser(RubricCatalog catalog) {
    this.catalog = catalog;
    this.reader = new StoryReader(new Lexicon(catalog));
  }

  public String rubricVersion() {
    return catalog.version();
  }

  /**
   * @throws IllegalArgumentException if the principle or the level is not one the rubric knows
   */
  public Evaluation evaluate(StoryInput input) {
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
    StoryReading story = reader.read(input, level, principle);

    List<PitfallFinding> pitfalls = new ArrayList<>();
    for (PitfallDetector detector : detectors) {
      Optional<String> evidence = detector.detect(story);
      evidence.ifPresent(
          shown ->
              pitfalls.add(
                  new PitfallFinding(
                      detector.pitfallId(),
                      shown,
                      principle.pitfall(detector.pitfallId()).advice())));
    }
    pitfalls.addAll(specificPitfalls.detect(story));

    Map<Signal, SignalReading> signals = signalReader.read(story);
    CriteriaScorer.Scored criteria = criteriaScorer.score(principle, signals);
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
        criteria.scores(),
        story.resultMetrics(),
        followUpChooser.choose(story, pitfalls),
        catalog.version());
  }
}
