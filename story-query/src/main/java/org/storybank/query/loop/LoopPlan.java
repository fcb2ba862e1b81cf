package org.storybank.query.loop;

import java.util.List;

/**
 * The answer of {@code GET /api/loops/{id}/plan}: for each interview the story to tell for each
 * principle (or question) and a backup, each with why; the slots no story fills, with why not; the
 * stories left out because they were told at this company before.
 */
record LoopPlan(
    String loopId,
    String candidateId,
    String company,
    String level,
    List<InterviewPlan> interviews,
    List<Gap> gaps,
    List<String> toldAtCompanyBefore) {

  record InterviewPlan(String name, List<Assignment> assignments) {}

  /** {@code principle} is the question's likely principle for a question slot (may be null). */
  record Assignment(
      String principle,
      String question,
      String storyId,
      String title,
      Integer score,
      String backupStoryId,
      String backupTitle,
      String why) {}

  record Gap(String interview, String principle, String question, String reason) {}
}
