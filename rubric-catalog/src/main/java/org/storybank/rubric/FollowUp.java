package org.storybank.rubric;

/** A question an interviewer asks next, and when it is worth asking (see FollowUpTrigger). */
public record FollowUp(String when, String question) {}
