package org.storybank.evaluation.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A figure found in a result. {@code kind} is one of {@link MetricKind}'s ids; {@code value} is the
 * number itself, normalised where that is unambiguous: money in whole units ($1.2M is 1200000),
 * {@code change} as the relative change in percent (from 3 to 0 is -100), {@code ratio} as
 * after/before ("cut in half" is 0.5), durations and counts as stated (90 minutes is 90).
 */
@JsonPropertyOrder({"kind", "value", "text"})
public record Metric(
    String kind, @JsonSerialize(using = PlainNumberSerializer.class) double value, String text) {}
