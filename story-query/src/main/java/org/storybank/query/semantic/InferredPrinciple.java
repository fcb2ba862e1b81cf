package org.storybank.query.semantic;

/** A principle a question is about, how strongly (0–1), and the reason in words. */
public record InferredPrinciple(String principle, double strength, String reason) {}
