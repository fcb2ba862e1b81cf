package org.storybank.evaluation.service;

import java.util.List;

/** What the evaluator keeps of a story: its latest revision and what it judged last. */
record StoryText(
    String storyId,
    String authorId,
    String cohortId,
    long version,
    int revision,
    String level,
    List<String> principles,
    List<Prompt> prompts,
    String situation,
    String task,
    String action,
    String result,
    Integer evaluatedRevision,
    String evaluatedRubric) {

  record Prompt(String promptId, String text) {}

  boolean needsEvaluation(String rubricVersion) {
    return !principles.isEmpty()
        && (evaluatedRevision == null
            || evaluatedRevision != revision
            || !rubricVersion.equals(evaluatedRubric));
  }
}
