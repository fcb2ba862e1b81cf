package org.storybank.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.storybank.api.story.StoryStatus;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.projection.Assessment;
import org.storybank.query.projection.StoryDocument;

/**
 * The stories of a cohort its coach has not reviewed as they stand: never evaluated by this coach,
 * or revised since this coach's latest evaluation. Newest change first.
 */
public class ReviewQueue {

  /** A cohort holds at most this many current stories in the queue's answer. */
  static final int LIMIT = 1000;

  private static final List<String> FIELDS =
      List.of(
          "storyId",
          "authorId",
          "cohortId",
          "title",
          "principles",
          "level",
          "status",
          "revision",
          "updatedAt",
          "latestAutomatic",
          "latestCoach");

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex stories;

  public ReviewQueue(ElasticsearchClient elasticsearch, StoriesIndex stories) {
    this.elasticsearch = elasticsearch;
    this.stories = stories;
  }

  /** One story waiting for the coach. */
  record Item(
      String storyId,
      String title,
      String candidateId,
      List<String> principles,
      String level,
      int revision,
      Instant updatedAt,
      Integer score,
      String verdict,
      Integer reviewedRevision,
      Instant reviewedAt) {}

  List<Item> of(String cohortId, String coachId) {
    try {
      SearchResponse<StoryDocument> response =
          elasticsearch.search(
              s ->
                  s.index(stories.name())
                      .size(LIMIT)
                      .source(src -> src.filter(f -> f.includes(FIELDS)))
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(
                                              f ->
                                                  f.term(
                                                      t ->
                                                          t.field("cohortId")
                                                              .value(FieldValue.of(cohortId))))
                                          .mustNot(
                                              n ->
                                                  n.term(
                                                      t ->
                                                          t.field("status")
                                                              .value(StoryStatus.ARCHIVED.id())))))
                      .sort(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Desc))),
              StoryDocument.class);
      return response.hits().hits().stream()
          .map(Hit::source)
          .filter(Objects::nonNull)
          .filter(story -> waitsFor(story, coachId))
          .map(story -> item(story, reviewedBy(story, coachId)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the review queue is unavailable: cannot reach Elasticsearch", e);
    }
  }

  /**
   * Whether the story changed since this coach last evaluated it (or was never evaluated by them).
   */
  static boolean waitsFor(StoryDocument story, String coachId) {
    Assessment reviewed = reviewedBy(story, coachId);
    return reviewed == null || reviewed.revision() < story.revision();
  }

  private static Assessment reviewedBy(StoryDocument story, String coachId) {
    Assessment coach = story.latestCoach();
    return coach != null && coachId.equals(coach.evaluatorId()) ? coach : null;
  }

  /** The story as the queue lists it, with this coach's own last review (if any). */
  private static Item item(StoryDocument story, Assessment reviewed) {
    return new Item(
        story.storyId(),
        story.title(),
        story.authorId(),
        story.principles(),
        story.level(),
        story.revision(),
        story.updatedAt(),
        story.score(),
        story.verdict(),
        reviewed == null ? null : reviewed.revision(),
        reviewed == null ? null : reviewed.recordedAt());
  }
}
