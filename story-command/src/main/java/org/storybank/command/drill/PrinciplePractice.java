package org.storybank.command.drill;

import java.time.Instant;

/**
 * How a candidate practised one principle: drills drawn (abandoned ones left out), how many they
 * rated, their mean self-rating (null before the first) and when they last practised it.
 */
public record PrinciplePractice(
    String principle, int drills, int rated, Double meanRating, Instant lastPractised) {}
