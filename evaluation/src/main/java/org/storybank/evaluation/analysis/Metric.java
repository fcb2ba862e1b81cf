package org.storybank.evaluation.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A figure found in a result. {@code kind} is one of {@link MetricKind}'s ids; {@code value} is the
 * number itself, normalised where that is unambiguous: money in whole units of its currency ($1.2M
 * is 1200000), {@code change} as the relative change in percent once both sides are in one unit
 * (from 3 to 0 is -100, from 1.8 s to 300 ms is -83.3; from zero it is the after figure as stated),
 * {@code ratio} as after/before ("cut in half" is 0.5, "3x" is 3), percentages and percentage
 * points as stated, durations and sizes as stated in the unit {@code text} shows (90 minutes is 90,
 * 2 GB is 2), counts as stated. {@code text} is the whole phrase the figure was read from ("from 2
 * GB to 180 MB").
 */
@JsonPropertyOrder({"kind", "value", "text"})
public record Metric(
    String kind, @JsonSerialize(using = PlainNumberSerializer.class) double value, String text) {}
