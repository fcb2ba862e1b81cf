package org.storybank.command.loop;

import static org.storybank.api.loop.LoopLimits.MAX_COMPANY_CHARS;
import static org.storybank.api.loop.LoopLimits.MAX_INTERVIEWS;
import static org.storybank.api.loop.LoopLimits.MAX_INTERVIEW_NAME_CHARS;
import static org.storybank.api.loop.LoopLimits.MAX_PRINCIPLES_PER_INTERVIEW;
import static org.storybank.api.loop.LoopLimits.MAX_QUESTIONS_PER_INTERVIEW;
import static org.storybank.api.loop.LoopLimits.MAX_QUESTION_CHARS;
import static org.storybank.api.loop.LoopLimits.MAX_ROLE_CHARS;
import static org.storybank.api.loop.LoopLimits.MAX_USES;
import static org.storybank.api.loop.LoopLimits.MIN_INTERVIEWS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.storybank.api.Level;
import org.storybank.api.Principles;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.api.loop.StoryUse;

/**
 * What a loop must look like; every violation names the field (JSON path of the request body) and
 * the rule. Text is stripped before it is kept.
 */
final class LoopRules {

  private LoopRules() {}

  static void requireId(String loopId) {
    if (loopId == null || loopId.isBlank() || loopId.length() > 64) {
      throw new LoopRuleViolation("loopId", "must be 1 to 64 characters");
    }
  }

  /** The details checked and tidied (text stripped, principles without repeats). */
  static LoopDetails checked(LoopDetails details) {
    if (details == null) {
      throw new LoopRuleViolation("body", "must describe the loop");
    }
    String company = requireText("company", details.company(), MAX_COMPANY_CHARS);
    String role = requireText("role", details.role(), MAX_ROLE_CHARS);
    if (details.level() == null || Level.fromId(details.level()).isEmpty()) {
      throw new LoopRuleViolation("level", "must be one of entry, mid, senior, staff");
    }
    String date = requireDate(details.date());
    List<Interview> interviews = details.interviews();
    if (interviews.size() < MIN_INTERVIEWS || interviews.size() > MAX_INTERVIEWS) {
      throw new LoopRuleViolation(
          "interviews", "between " + MIN_INTERVIEWS + " and " + MAX_INTERVIEWS + " interviews");
    }
    Set<String> names = new HashSet<>();
    List<Interview> tidy =
        java.util.stream.IntStream.range(0, interviews.size())
            .mapToObj(i -> checked("interviews[" + i + "]", interviews.get(i)))
            .toList();
    for (int i = 0; i < tidy.size(); i++) {
      if (!names.add(tidy.get(i).name().toLowerCase(Locale.ROOT))) {
        throw new LoopRuleViolation(
            "interviews[" + i + "].name", "each interview has its own name");
      }
    }
    return new LoopDetails(company, role, details.level(), date, tidy);
  }

  private static Interview checked(String path, Interview interview) {
    if (interview == null) {
      throw new LoopRuleViolation(path, "must be an interview");
    }
    String name = requireText(path + ".name", interview.name(), MAX_INTERVIEW_NAME_CHARS);
    if (interview.principles().isEmpty() && interview.questions().isEmpty()) {
      throw new LoopRuleViolation(path + ".principles", "name a principle or a question to probe");
    }
    if (interview.principles().size() > MAX_PRINCIPLES_PER_INTERVIEW) {
      throw new LoopRuleViolation(
          path + ".principles", "at most " + MAX_PRINCIPLES_PER_INTERVIEW + " principles");
    }
    for (int i = 0; i < interview.principles().size(); i++) {
      String principle = interview.principles().get(i);
      if (principle == null || !Principles.isKnown(principle)) {
        throw new LoopRuleViolation(
            path + ".principles[" + i + "]", "unknown principle '" + principle + "'");
      }
    }
    if (interview.questions().size() > MAX_QUESTIONS_PER_INTERVIEW) {
      throw new LoopRuleViolation(
          path + ".questions", "at most " + MAX_QUESTIONS_PER_INTERVIEW + " questions");
    }
    List<String> questions =
        java.util.stream.IntStream.range(0, interview.questions().size())
            .mapToObj(
                i ->
                    requireText(
                        path + ".questions[" + i + "]",
                        interview.questions().get(i),
                        MAX_QUESTION_CHARS))
            .toList();
    return new Interview(name, interview.principles().stream().distinct().toList(), questions);
  }

  /** Each use names one of the loop's interviews and a story; a principle, when given, is known. */
  static List<StoryUse> checkedUses(List<StoryUse> uses, LoopDetails details) {
    if (uses.size() > MAX_USES) {
      throw new LoopRuleViolation("uses", "at most " + MAX_USES + " uses");
    }
    Set<String> interviews = new HashSet<>();
    details.interviews().forEach(interview -> interviews.add(interview.name()));
    for (int i = 0; i < uses.size(); i++) {
      StoryUse use = uses.get(i);
      String path = "uses[" + i + "]";
      if (use == null) {
        throw new LoopRuleViolation(path, "must name an interview and a story");
      }
      if (use.interview() == null || !interviews.contains(use.interview().strip())) {
        throw new LoopRuleViolation(path + ".interview", "not an interview of this loop");
      }
      if (use.storyId() == null || use.storyId().isBlank() || use.storyId().length() > 64) {
        throw new LoopRuleViolation(path + ".storyId", "must be 1 to 64 characters");
      }
      if (use.principle() != null && !Principles.isKnown(use.principle())) {
        throw new LoopRuleViolation(
            path + ".principle", "unknown principle '" + use.principle() + "'");
      }
    }
    return uses.stream()
        .map(use -> new StoryUse(use.interview().strip(), use.principle(), use.storyId().strip()))
        .distinct()
        .toList();
  }

  private static String requireText(String field, String value, int maxChars) {
    if (value == null || value.isBlank()) {
      throw new LoopRuleViolation(field, "must not be blank");
    }
    String stripped = value.strip();
    if (stripped.length() > maxChars) {
      throw new LoopRuleViolation(field, "at most " + maxChars + " characters");
    }
    return stripped;
  }

  private static String requireDate(String date) {
    if (date == null || date.isBlank()) {
      throw new LoopRuleViolation("date", "must not be blank");
    }
    try {
      return LocalDate.parse(date.strip()).toString();
    } catch (DateTimeParseException e) {
      throw new LoopRuleViolation("date", "must be an ISO date such as 2027-01-31");
    }
  }
}
