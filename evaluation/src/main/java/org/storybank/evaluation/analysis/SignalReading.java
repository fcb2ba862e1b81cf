package org.storybank.evaluation.analysis;

/** How strongly a story shows one signal (0 to 1), and the words that show it. */
record SignalReading(double strength, String evidence) {}
