package org.storybank.evaluation.cli;

/** Why the input cannot be evaluated, in words that name the entry and the field. */
record InputProblem(String message) {}
