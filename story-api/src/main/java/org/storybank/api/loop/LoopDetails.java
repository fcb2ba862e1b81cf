package org.storybank.api.loop;

import java.util.List;

/**
 * An interview loop as the candidate describes it: the company, the role, the level it is pitched
 * at, the date (ISO {@code yyyy-MM-dd}) and its interviews, each probing principles or free-text
 * questions.
 */
public record LoopDetails(
    String company, String role, String level, String date, List<Interview> interviews) {

  public LoopDetails {
    interviews = interviews == null ? List.of() : List.copyOf(interviews);
  }

  public record Interview(String name, List<String> principles, List<String> questions) {

    public Interview {
      principles = principles == null ? List.of() : List.copyOf(principles);
      questions = questions == null ? List.of() : List.copyOf(questions);
    }
  }
}
