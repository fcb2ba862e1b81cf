package org.storybank.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.storybank.api.evaluation.AutomaticEvaluation;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.messaging.EventTopics;
import org.storybank.evaluation.analysis.Evaluation;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.evaluation.analysis.StoryInput;

/**
 * Judges a story's latest revision with the current rubric and sends the result to the command
 * side, then remembers it judged that revision. A crash in between sends it again; the evaluation
 * id (story, revision, rubric version) makes the repeat harmless.
 */
@Component
class AutomaticEvaluator {

  private final StoryAnalyser analyser;
  private final StoryTexts stories;
  private final KafkaTemplate<String, byte[]> kafka;
  private final ObjectMapper json;

  AutomaticEvaluator(
      StoryAnalyser analyser,
      StoryTexts stories,
      KafkaTemplate<String, byte[]> kafka,
      ObjectMapper json) {
    this.analyser = analyser;
    this.stories = stories;
    this.kafka = kafka;
    this.json = json;
  }

  String rubricVersion() {
    return analyser.rubricVersion();
  }

  /**
   * Evaluates the story if its latest revision has not been judged by this rubric; true if it did.
   */
  boolean evaluateIfDue(StoryText story) throws InterruptedException, ExecutionException {
    if (!story.needsEvaluation(analyser.rubricVersion())) {
      return false;
    }
    Evaluation evaluation = analyser.evaluate(input(story));
    AutomaticEvaluation message =
        new AutomaticEvaluation(
            story.storyId(), evaluationId(story), story.revision(), result(evaluation));
    kafka.send(EventTopics.EVALUATION_RESULTS, story.storyId(), toJson(message)).get();
    stories.markEvaluated(story.storyId(), story.revision(), analyser.rubricVersion());
    return true;
  }

  private String evaluationId(StoryText story) {
    String key = story.storyId() + "|" + story.revision() + "|" + analyser.rubricVersion();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static StoryInput input(StoryText story) {
    String prompt = story.prompts().isEmpty() ? "" : story.prompts().get(0).text();
    return new StoryInput(
        story.storyId(),
        story.principles().get(0),
        story.principles().subList(1, story.principles().size()),
        story.level(),
        prompt,
        story.situation(),
        story.task(),
        story.action(),
        story.result());
  }

  static EvaluationResult result(Evaluation evaluation) {
    return new EvaluationResult(
        evaluation.rubricVersion(),
        evaluation.score(),
        Verdict.fromId(evaluation.verdict()).orElseThrow(),
        evaluation.meetsBar(),
        evaluation.criteria().stream()
            .map(c -> new EvaluationResult.CriterionScore(c.id(), c.score(), clip(c.evidence())))
            .toList(),
        evaluation.pitfalls().stream()
            .map(p -> new EvaluationResult.PitfallFinding(p.id(), clip(p.evidence())))
            .toList(),
        evaluation.metrics().stream()
            .map(m -> new EvaluationResult.ResultMetric(m.kind(), m.value(), m.text()))
            .toList(),
        notes(evaluation));
  }

  private static String notes(Evaluation evaluation) {
    if (evaluation.followUps().isEmpty()) {
      return "";
    }
    String notes =
        "Follow-up questions to prepare for:\n- " + String.join("\n- ", evaluation.followUps());
    return notes.length() <= 4_000 ? notes : notes.substring(0, 3_997) + "...";
  }

  private static String clip(String evidence) {
    return evidence == null || evidence.length() <= 1_000
        ? evidence
        : evidence.substring(0, 997) + "...";
  }

  private byte[] toJson(Object message) {
    try {
      return json.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
