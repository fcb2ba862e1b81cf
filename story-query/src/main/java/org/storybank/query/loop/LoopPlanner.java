package org.storybank.query.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.storybank.api.Level;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.api.story.StoryStatus;
import org.storybank.query.loop.LoopPlan.Assignment;
import org.storybank.query.loop.LoopPlan.Gap;
import org.storybank.query.loop.LoopPlan.InterviewPlan;
import org.storybank.query.projection.Assessment;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.search.QuestionAnswers.Answers;

/**
 * Plans which story to tell where in one loop.
 *
 * <p>Each interview has a slot per principle and per free-text question. A story may fill a slot
 * when it meets the bar at the loop's level (its latest evaluation says it meets the bar, and it
 * was judged at that level or a higher one) and either is tagged with the slot's principle or, for
 * a question, is among the stories the prompt search finds for it; stories already told at the same
 * company in an earlier loop are left out. The slots are then filled all at once by a
 * maximum-weight matching (no story told twice in the loop; as many slots filled as possible, then
 * the strongest stories), not interview by interview: a greedy pass gives the first interview the
 * one story a later interview cannot do without. A second matching picks a backup for each slot,
 * preferring stories no slot tells.
 */
final class LoopPlanner {

  /** How many of the prompt search's stories a question slot considers. */
  static final int QUESTION_DEPTH = 5;

  /** A question slot's weight drops this much per place down the search's ranking. */
  static final int RANK_PENALTY = 3;

  private record Slot(String interview, String principle, String question) {
    String label() {
      return question == null ? principle : "“" + question + "”";
    }
  }

  /** One slot's candidates: why each story is in or out. */
  private record Options(
      List<StoryDocument> considered, List<StoryDocument> good, List<StoryDocument> available) {

    boolean offers(StoryDocument story) {
      return available.stream().anyMatch(option -> option.storyId().equals(story.storyId()));
    }
  }

  LoopPlan plan(
      LoopDocument loop,
      List<StoryDocument> bank,
      Set<String> toldAtCompanyBefore,
      Map<String, Answers> answersByQuestion) {
    Map<String, StoryDocument> byId = new LinkedHashMap<>();
    bank.stream()
        .filter(story -> !StoryStatus.ARCHIVED.is(story.status()))
        .sorted(Comparator.comparing(StoryDocument::storyId))
        .forEach(story -> byId.put(story.storyId(), story));
    Level level = Level.fromId(loop.level()).orElse(Level.MID);

    List<Slot> slots = new ArrayList<>();
    List<Options> options = new ArrayList<>();
    List<Map<String, Integer>> ranks = new ArrayList<>();
    for (Interview interview : loop.interviews()) {
      for (String principle : interview.principles()) {
        List<StoryDocument> tagged =
            byId.values().stream().filter(story -> story.principles().contains(principle)).toList();
        slots.add(new Slot(interview.name(), principle, null));
        options.add(options(tagged, level, toldAtCompanyBefore));
        ranks.add(Map.of());
      }
      for (String question : interview.questions()) {
        Answers answers =
            answersByQuestion.getOrDefault(question, new Answers(List.of(), List.of()));
        List<StoryDocument> found =
            answers.storyIds().stream()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .limit(QUESTION_DEPTH)
                .toList();
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
          rank.put(found.get(i).storyId(), i);
        }
        String principle = answers.principles().isEmpty() ? null : answers.principles().get(0);
        slots.add(new Slot(interview.name(), principle, question));
        options.add(options(found, level, toldAtCompanyBefore));
        ranks.add(rank);
      }
    }

    List<StoryDocument> columns =
        options.stream()
            .flatMap(option -> option.available().stream())
            .distinct()
            .sorted(Comparator.comparing(StoryDocument::storyId))
            .toList();
    double[][] weights = new double[slots.size()][columns.size()];
    for (int i = 0; i < slots.size(); i++) {
      for (int j = 0; j < columns.size(); j++) {
        StoryDocument story = columns.get(j);
        weights[i][j] =
            options.get(i).offers(story)
                ? weight(story, ranks.get(i))
                : AssignmentSolver.NOT_ALLOWED;
      }
    }
    int[] primary = AssignmentSolver.maximize(weights);
    Map<String, Integer> slotOfPrimary = new HashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      if (primary[i] >= 0) {
        slotOfPrimary.put(columns.get(primary[i]).storyId(), i);
      }
    }
    StoryDocument[] backups = backups(slots, options, columns, primary, slotOfPrimary);

    Map<String, List<Assignment>> byInterview = new LinkedHashMap<>();
    loop.interviews().forEach(interview -> byInterview.put(interview.name(), new ArrayList<>()));
    List<Gap> gaps = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if (primary[i] < 0) {
        gaps.add(
            new Gap(
                slot.interview(),
                slot.principle(),
                slot.question(),
                gapReason(slot, options.get(i), level, loop.company(), slots, slotOfPrimary)));
        continue;
      }
      StoryDocument story = columns.get(primary[i]);
      StoryDocument backup = backups[i];
      byInterview
          .get(slot.interview())
          .add(
              new Assignment(
                  slot.principle(),
                  slot.question(),
                  story.storyId(),
                  story.title(),
                  story.score(),
                  backup == null ? null : backup.storyId(),
                  backup == null ? null : backup.title(),
                  why(
                      slot,
                      story,
                      backup,
                      options.get(i),
                      ranks.get(i),
                      level,
                      loop.company(),
                      toldAtCompanyBefore,
                      slots,
                      slotOfPrimary)));
    }
    List<InterviewPlan> interviews =
        byInterview.entrySet().stream()
            .map(entry -> new InterviewPlan(entry.getKey(), entry.getValue()))
            .toList();
    return new LoopPlan(
        loop.loopId(),
        loop.candidateId(),
        loop.company(),
        loop.level(),
        interviews,
        gaps,
        toldAtCompanyBefore.stream().filter(byId::containsKey).sorted().toList());
  }

  private static Options options(
      List<StoryDocument> considered, Level level, Set<String> toldAtCompanyBefore) {
    List<StoryDocument> good =
        considered.stream().filter(story -> meetsBarAt(story, level)).toList();
    List<StoryDocument> available =
        good.stream().filter(story -> !toldAtCompanyBefore.contains(story.storyId())).toList();
    return new Options(considered, good, available);
  }

  /** Its latest evaluation meets the bar, and it was judged at the loop's level or above. */
  static boolean meetsBarAt(StoryDocument story, Level level) {
    Assessment assessment = story.assessment();
    if (assessment == null || !assessment.meetsBar()) {
      return false;
    }
    return Level.fromId(story.level()).map(judged -> judged.compareTo(level) >= 0).orElse(false);
  }

  private static double weight(StoryDocument story, Map<String, Integer> rank) {
    double score = story.score() == null ? 0 : story.score();
    return Math.max(0, score - RANK_PENALTY * rank.getOrDefault(story.storyId(), 0));
  }

  /**
   * A backup per filled slot: a matching over the slot's other good stories that prefers stories no
   * slot tells, then the strongest, each backing one slot; a slot it leaves without a spare story
   * shares another slot's spare one, else takes the strongest story told elsewhere.
   */
  private static StoryDocument[] backups(
      List<Slot> slots,
      List<Options> options,
      List<StoryDocument> columns,
      int[] primary,
      Map<String, Integer> slotOfPrimary) {
    double unused = 101.0 * slots.size() + 1;
    double[][] weights = new double[slots.size()][columns.size()];
    for (int i = 0; i < slots.size(); i++) {
      for (int j = 0; j < columns.size(); j++) {
        StoryDocument story = columns.get(j);
        boolean allowed = primary[i] >= 0 && j != primary[i] && options.get(i).offers(story);
        weights[i][j] =
            allowed
                ? (slotOfPrimary.containsKey(story.storyId()) ? 0 : unused) + score(story)
                : AssignmentSolver.NOT_ALLOWED;
      }
    }
    int[] matched = AssignmentSolver.maximize(weights);
    StoryDocument[] backups = new StoryDocument[slots.size()];
    for (int i = 0; i < slots.size(); i++) {
      if (primary[i] < 0) {
        continue;
      }
      StoryDocument matchedBackup = matched[i] >= 0 ? columns.get(matched[i]) : null;
      if (matchedBackup != null && !slotOfPrimary.containsKey(matchedBackup.storyId())) {
        backups[i] = matchedBackup;
        continue;
      }
      // fewer spare stories than slots: a spare one shared with another slot beats a story that
      // is told elsewhere in the loop
      StoryDocument own = columns.get(primary[i]);
      backups[i] =
          options.get(i).available().stream()
              .filter(story -> !story.storyId().equals(own.storyId()))
              .max(
                  Comparator.comparing(
                          (StoryDocument story) -> !slotOfPrimary.containsKey(story.storyId()))
                      .thenComparingInt(LoopPlanner::score))
              .orElse(null);
    }
    return backups;
  }

  private static String why(
      Slot slot,
      StoryDocument story,
      StoryDocument backup,
      Options options,
      Map<String, Integer> rank,
      Level level,
      String company,
      Set<String> toldAtCompanyBefore,
      List<Slot> slots,
      Map<String, Integer> slotOfPrimary) {
    StringBuilder why = new StringBuilder();
    why.append(quoted(story))
        .append(" scores ")
        .append(story.score())
        .append(" and meets the bar at ")
        .append(level.id());
    if (!level.id().equals(story.level())) {
      why.append(" (judged at ").append(story.level()).append(")");
    }
    if (slot.question() == null) {
      why.append("; it is tagged with ").append(slot.principle()).append(".");
    } else {
      why.append("; the prompt search ranks it #")
          .append(rank.getOrDefault(story.storyId(), 0) + 1)
          .append(" for this question.");
    }
    List<String> strongerElsewhere =
        options.available().stream()
            .filter(other -> other != story && score(other) > score(story))
            .filter(other -> slotOfPrimary.containsKey(other.storyId()))
            .map(
                other -> {
                  Slot there = slots.get(slotOfPrimary.get(other.storyId()));
                  return quoted(other)
                      + " ("
                      + other.score()
                      + ") is told in "
                      + there.interview()
                      + " for "
                      + there.label();
                })
            .toList();
    int alternatives = options.available().size() - 1;
    if (!strongerElsewhere.isEmpty()) {
      why.append(" Stronger stories are needed elsewhere: ")
          .append(String.join("; ", strongerElsewhere))
          .append(", and no story is told twice.");
    } else if (alternatives > 0) {
      why.append(" The strongest of ").append(alternatives + 1).append(" stories that fit.");
    } else {
      why.append(" The only story that fits.");
    }
    List<String> avoided =
        options.good().stream()
            .filter(other -> toldAtCompanyBefore.contains(other.storyId()))
            .map(StoryDocument::title)
            .map(title -> "“" + title + "”")
            .toList();
    if (!avoided.isEmpty()) {
      why.append(" Left out because told at ")
          .append(company)
          .append(" before: ")
          .append(String.join(", ", avoided))
          .append(".");
    }
    if (backup == null) {
      why.append(" No backup: no other story meets the bar for it.");
    } else {
      why.append(" Backup: ")
          .append(quoted(backup))
          .append(" (")
          .append(backup.score())
          .append(")");
      Integer elsewhere = slotOfPrimary.get(backup.storyId());
      if (elsewhere != null) {
        Slot there = slots.get(elsewhere);
        why.append(", also planned for ")
            .append(there.interview())
            .append(" (")
            .append(there.label())
            .append(")");
      }
      why.append(".");
    }
    return why.toString();
  }

  private static String gapReason(
      Slot slot,
      Options options,
      Level level,
      String company,
      List<Slot> slots,
      Map<String, Integer> slotOfPrimary) {
    boolean question = slot.question() != null;
    if (options.considered().isEmpty()) {
      return question
          ? "the prompt search finds no story for this question"
          : "no story is tagged with " + slot.principle();
    }
    if (options.good().isEmpty()) {
      StoryDocument best =
          options.considered().stream().max(Comparator.comparingInt(LoopPlanner::score)).get();
      return (question
              ? options.considered().size() + " stories found for it"
              : options.considered().size()
                  + " "
                  + stories(options.considered().size())
                  + " tagged with "
                  + slot.principle())
          + " but none meets the bar at "
          + level.id()
          + " (best: "
          + quoted(best)
          + ", "
          + (best.score() == null
              ? "not yet evaluated"
              : best.score() + " judged at " + best.level())
          + ")";
    }
    if (options.available().isEmpty()) {
      return "every story that meets the bar for it was told at "
          + company
          + " before: "
          + options.good().stream().map(LoopPlanner::quoted).collect(Collectors.joining(", "));
    }
    Set<String> uses = new LinkedHashSet<>();
    for (StoryDocument story : options.available()) {
      Integer elsewhere = slotOfPrimary.get(story.storyId());
      if (elsewhere != null) {
        Slot there = slots.get(elsewhere);
        uses.add(quoted(story) + " in " + there.interview() + " for " + there.label());
      }
    }
    return (options.available().size() == 1
            ? "the only story that meets the bar for it is told elsewhere in this loop: "
            : "all "
                + options.available().size()
                + " stories that meet the bar for it are told elsewhere in this loop: ")
        + String.join("; ", uses);
  }

  private static String stories(int count) {
    return count == 1 ? "story" : "stories";
  }

  private static int score(StoryDocument story) {
    return story.score() == null ? -1 : story.score();
  }

  private static String quoted(StoryDocument story) {
    return "“" + story.title() + "”";
  }
}
