package org.storybank.command.drill;

/**
 * A question an interviewer would ask next about the story told, and the weakness it probes: {@code
 * probes} is {@code pitfall}, {@code criterion}, {@code metrics} or {@code principle}, {@code
 * target} the pitfall or criterion id (or the principle), {@code evidence} the words of the story's
 * evaluation behind it (empty when it has none).
 */
public record FollowUp(String question, String probes, String target, String evidence) {}
