package org.storybank.api.evaluation;

/**
 * The evaluation service's judgement of one revision, sent to the command side to be recorded. The
 * id is derived from story, revision and rubric version, so a repeat is recognised and dropped.
 */
public record AutomaticEvaluation(
    String storyId, String evaluationId, int revision, EvaluationResult result) {}
