package org.storybank.evaluation.analysis;

import java.util.List;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.text.AnalysedText;

/**
 * The sentence that shows a pitfall the learned model found where no rule fired: the words of the
 * category that weighs most for it, or the part of the story where something is missing.
 */
final class ModelEvidence {

  private ModelEvidence() {}

  static String of(String pitfall, StoryReading story) {
    return switch (pitfall) {
      case PitfallIds.MARTYRDOM ->
          quoted(story, Lexicon.HEROICS, Field.STAR, "The hours themselves are told as the feat.");
      case PitfallIds.GENERIC_EFFORT ->
          quoted(
              story,
              Lexicon.GENERIC_EFFORT,
              Field.STAR,
              "Effort is claimed where the steps taken should be.");
      case PitfallIds.NO_ESCALATION ->
          quoted(
                  story,
                  Lexicon.SILENT_COMPLIANCE,
                  Field.STAR,
                  quoted(story, Lexicon.OBSTACLE, Field.STAR, ""))
              + " Nothing says what was raised, with whom, or why.";
      case PitfallIds.NO_FOLLOW_THROUGH ->
          "The story ends at "
              + NoFollowThroughDetector.lastWords(story)
              + "; nothing about checking that it held, watching it, or preventing a repeat.";
      case PitfallIds.VAGUE_OUTCOME ->
          first(story, Field.RESULT) + " No specific outcome that you owned is named.";
      case PitfallIds.SCOPE_BELOW_LEVEL ->
          first(story, Field.ACTION)
              + " The reach stays within your own task; at this level interviewers look for"
              + " work across teams or a lasting change to how things are done.";
      case PitfallIds.NO_SPECIFICS ->
          first(story, Field.ACTION)
              + " No obstacle, decision or trade-off is named; these steps could belong to any"
              + " project.";
      case PitfallIds.WE_NOT_I ->
          quoted(story, Lexicon.COLLECTIVE_SUBJECT, List.of(Field.ACTION), "")
              + " The actions are told as the group's; your own part is unclear.";
      case PitfallIds.UNQUANTIFIED_RESULT ->
          first(story, Field.RESULT) + " The result has no figure to measure it by.";
      case PitfallIds.MISSING_STAR_PART -> shortestPart(story);
      case PitfallIds.NO_REFLECTION ->
          "Nothing says what you learned, what it cost, or what you would do differently.";
      case PitfallIds.ASSIGNED_SCOPE_ONLY ->
          quoted(story, Lexicon.ASSIGNED, Field.STAR, first(story, Field.TASK))
              + " The story is about doing the work you were given well; nothing goes beyond it.";
      default -> "";
    };
  }

  private static String quoted(
      StoryReading story, String category, List<Field> fields, String otherwise) {
    List<Hit> hits = story.hits(category, fields);
    return hits.isEmpty() ? otherwise : story.quotes(hits, 2);
  }

  private static String first(StoryReading story, Field field) {
    AnalysedText text = story.text(field);
    return text.sentences().isEmpty() ? "The " + field.id() + " is empty." : story.quote(field, 0);
  }

  private static String shortestPart(StoryReading story) {
    Field shortest = Field.SITUATION;
    for (Field field : Field.STAR) {
      if (story.text(field).wordCount() < story.text(shortest).wordCount()) {
        shortest = field;
      }
    }
    AnalysedText text = story.text(shortest);
    return text.isBlank()
        ? "The " + shortest.id() + " is empty."
        : story.quote(shortest, 0) + " The " + shortest.id() + " says almost nothing of its own.";
  }
}
