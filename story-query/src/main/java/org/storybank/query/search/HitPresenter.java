package org.storybank.query.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storybank.api.story.StarField;
import org.storybank.query.language.Highlighter;
import org.storybank.query.language.InterviewLanguage;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.InferredPrinciple;

/** A found story as the caller reads it: its fields, the matched words, why it matched. */
final class HitPresenter {

  private final Highlighter highlighter = new Highlighter(InterviewLanguage.instance(), 2);

  /** A story listed without a question: no highlights, no reasons. */
  SearchResult.Hit listed(StoryDocument story, double score) {
    return hit(
        story, score, Map.of(), List.of(), new SearchResult.Match(null, null, null, List.of()));
  }

  /** A story found for a question, with the words it shares and the reasons it came up. */
  SearchResult.Hit found(
      StoryDocument story,
      double score,
      Set<String> terms,
      List<InferredPrinciple> questionPrinciples,
      QuestionRankings.Signals signals) {
    List<InferredPrinciple> matched =
        questionPrinciples.stream()
            .filter(p -> story.principles().contains(p.principle()))
            .toList();
    Map<String, List<String>> highlights = highlights(story, terms);
    SearchResult.Match match =
        signals.match(story.storyId(), matched.stream().map(InferredPrinciple::principle).toList());
    return hit(story, score, highlights, Why.of(match, matched, highlights), match);
  }

  private Map<String, List<String>> highlights(StoryDocument story, Set<String> terms) {
    Map<String, List<String>> highlights = new LinkedHashMap<>();
    put(highlights, "title", highlighter.highlight(story.title(), terms));
    List<String> prompts = new ArrayList<>();
    for (StoryDocument.IndexedPrompt prompt : story.prompts()) {
      prompts.addAll(highlighter.highlight(prompt.text(), terms));
      prompts.addAll(highlighter.highlight(prompt.angle(), terms));
    }
    put(highlights, "prompts", prompts);
    put(highlights, StarField.SITUATION.id(), highlighter.highlight(story.situation(), terms));
    put(highlights, StarField.TASK.id(), highlighter.highlight(story.task(), terms));
    put(highlights, StarField.ACTION.id(), highlighter.highlight(story.action(), terms));
    put(highlights, StarField.RESULT.id(), highlighter.highlight(story.result(), terms));
    return highlights;
  }

  private static void put(Map<String, List<String>> map, String field, List<String> fragments) {
    if (!fragments.isEmpty()) {
      map.put(field, fragments);
    }
  }

  private static SearchResult.Hit hit(
      StoryDocument story,
      double score,
      Map<String, List<String>> highlights,
      List<String> why,
      SearchResult.Match match) {
    return new SearchResult.Hit(
        story.storyId(),
        story.title(),
        Math.round(score * 1_000_000) / 1_000_000.0,
        story.authorId(),
        story.cohortId(),
        story.principles(),
        story.level(),
        story.status(),
        story.score(),
        story.verdict(),
        story.pitfalls(),
        story.hasQuantifiedResult(),
        story.updatedAt(),
        highlights,
        why,
        match);
  }
}
