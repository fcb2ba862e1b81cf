package org.storybank.command.history;

import java.time.Instant;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;

/** One recorded evaluation of one revision. */
public record EvaluationEntry(
    String evaluationId, Evaluator evaluator, int revision, EvaluationResult result, Instant at) {}
