package org.storybank.evaluation.service;

/**
 * How automatic and coach scores of one criterion agree over {@code pairs} revisions both judged:
 * the share scored alike, the share within one point, the mean distance, and the mean signed
 * difference (positive: the evaluator is more generous than the coaches).
 */
public record CriterionAgreement(
    String criterion,
    long pairs,
    double exactAgreement,
    double withinOne,
    double meanAbsoluteDifference,
    double automaticMinusCoach) {}
