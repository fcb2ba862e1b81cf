package org.storybank.query.support;

import java.time.Instant;
import java.util.List;
import org.storybank.query.projection.Assessment;
import org.storybank.query.projection.StoryDocument;

/** Story documents for tests, with just the parts a test cares about. */
public final class Stories {

  private Stories() {}

  public static StoryDocument story(
      String id, String author, String cohort, String title, long version) {
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    return new StoryDocument(
        id,
        author,
        cohort,
        title,
        List.of("ownership"),
        List.of(
            new StoryDocument.IndexedPrompt("p1", "Tell me about a time you fixed a queue", "")),
        "mid",
        "Messages piled up.",
        "Nobody owned the consumer.",
        "I quarantined poison messages and added an alarm.",
        "Backlog went from 2 hours to 4 minutes.",
        "draft",
        version,
        1,
        now,
        now,
        null,
        null,
        null);
  }

  /** A ready story as a candidate's bank holds it, for relevance runs: no evaluation yet. */
  public static StoryDocument banked(
      String id,
      String author,
      String title,
      List<String> principles,
      List<String> prompts,
      String level,
      String situation,
      String task,
      String action,
      String result) {
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    List<StoryDocument.IndexedPrompt> linked = new java.util.ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      linked.add(new StoryDocument.IndexedPrompt("p" + (i + 1), prompts.get(i), ""));
    }
    return new StoryDocument(
        id,
        author,
        "cohort-" + author,
        title,
        principles,
        linked,
        level,
        situation,
        task,
        action,
        result,
        "ready",
        0,
        1,
        at,
        at,
        null,
        null,
        null);
  }

  public static Assessment automatic(int score, String verdict, List<String> pitfalls) {
    return new Assessment(
        "auto-" + score,
        "automatic",
        "evaluation-service",
        1,
        "2026.11-test",
        score,
        verdict,
        score >= 60,
        pitfalls,
        List.of(new Assessment.Criterion("owns-the-outcome", score >= 60 ? 3 : 2)),
        score >= 60 ? List.of(new Assessment.Metric("percent", 50)) : List.of(),
        Instant.parse("2026-11-20T10:00:00Z"));
  }

  public static StoryDocument evaluated(StoryDocument story, Assessment automatic) {
    return story.withEvaluations(automatic, story.latestCoach());
  }

  public static StoryDocument archived(StoryDocument story) {
    return story.withStatus("archived").at(story.version() + 1, story.updatedAt());
  }

  public static StoryDocument updatedAt(StoryDocument story, Instant at) {
    return story.at(story.version(), at);
  }
}
