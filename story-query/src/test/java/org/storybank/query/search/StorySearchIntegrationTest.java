package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.infra.TestServers;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.projection.StoryDocument;

/**
 * The stories index on a real Elasticsearch node: versioned writes and the search scope. One index
 * per test.
 */
class StorySearchIntegrationTest {

  private ElasticsearchClient elasticsearch;
  private StoriesIndex index;
  private StorySearch search;

  @BeforeEach
  void freshIndex() {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    elasticsearch =
        ElasticsearchClient.of(
            cluster ->
                cluster
                    .host(TestServers.shared().elasticsearchUrl())
                    .jsonMapper(new JacksonJsonpMapper(json)));
    String name = "stories-test-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    index =
        new StoriesIndex(
            elasticsearch,
            new ElasticsearchProperties(TestServers.shared().elasticsearchUrl(), name));
    index.createIfMissing();
    search = new StorySearch(elasticsearch, index);
  }

  @AfterEach
  void dropIndex() throws Exception {
    elasticsearch.indices().delete(delete -> delete.index(index.name()));
    elasticsearch.close();
  }

  @Test
  void anOlderOrRepeatedVersionNeverOverwritesANewerOne() throws Exception {
    index.write(story("s-1", "alice", "cohort-1", "second revision", 2));
    index.write(story("s-1", "alice", "cohort-1", "first revision arriving late", 1));
    index.write(story("s-1", "alice", "cohort-1", "second revision replayed", 2));
    refresh();

    StoryDocument stored =
        elasticsearch.get(get -> get.index(index.name()).id("s-1"), StoryDocument.class).source();
    assertThat(stored.title()).isEqualTo("second revision");
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void aCandidateFindsTheirOwnStoryByAWordOfItsActionAndNobodyElses() throws Exception {
    index.write(story("s-alice", "alice", "cohort-1", "Alice and the quarantined queue", 0));
    index.write(story("s-bob", "bob", "cohort-1", "Bob and the quarantined queue", 0));
    index.write(story("s-carol", "carol", "cohort-2", "Carol and the quarantined queue", 0));
    refresh();

    SearchResult alice = search.search(new SearchScope.OwnStories("alice"), query("quarantined"));
    assertThat(alice.hits()).extracting(SearchResult.Hit::storyId).containsExactly("s-alice");
    assertThat(alice.hits().get(0).highlights().get("action").get(0))
        .contains("<em>quarantined</em>");

    SearchResult aliceAskingForBob =
        search.search(
            new SearchScope.OwnStories("alice"),
            new StoryQuery("quarantined", null, null, "bob", null, 10));
    assertThat(aliceAskingForBob.total()).isZero();
  }

  @Test
  void aCoachFindsTheStoriesOfTheirCohortsOnly() throws Exception {
    index.write(story("s-alice", "alice", "cohort-1", "Alice", 0));
    index.write(story("s-carol", "carol", "cohort-2", "Carol", 0));
    index.write(story("s-dan", "dan", "cohort-3", "Dan", 0));
    refresh();

    SearchResult coach =
        search.search(
            new SearchScope.CohortStories(List.of("cohort-1", "cohort-2")), query("quarantined"));
    assertThat(coach.hits())
        .extracting(SearchResult.Hit::storyId)
        .containsExactlyInAnyOrder("s-alice", "s-carol");
    assertThat(search.search(new SearchScope.Nothing(), query("quarantined")).total()).isZero();
  }

  @Test
  void archivedStoriesDoNotShowUp() throws Exception {
    StoryDocument live = story("s-live", "alice", "cohort-1", "Live", 0);
    StoryDocument archived = story("s-archived", "alice", "cohort-1", "Archived", 0);
    index.write(live);
    index.write(
        new StoryDocument(
            archived.storyId(),
            archived.authorId(),
            archived.cohortId(),
            archived.title(),
            archived.principles(),
            archived.prompts(),
            archived.level(),
            archived.situation(),
            archived.task(),
            archived.action(),
            archived.result(),
            "archived",
            1,
            1,
            archived.createdAt(),
            archived.updatedAt()));
    refresh();

    SearchResult result = search.search(new SearchScope.OwnStories("alice"), query("quarantined"));
    assertThat(result.hits()).extracting(SearchResult.Hit::storyId).containsExactly("s-live");
  }

  @Test
  void aStoryIsFoundByTheWordsOfItsPrompt() throws Exception {
    index.write(story("s-1", "alice", "cohort-1", "One", 0));
    refresh();
    assertThat(search.search(new SearchScope.OwnStories("alice"), query("queue")).total())
        .isEqualTo(1);
    assertThat(index.get("s-1")).isPresent();
    assertThat(index.get("s-unknown")).isEmpty();
  }

  @Test
  void aCandidateWhoLeftTheCohortIsNoLongerFoundByItsCoach() throws Exception {
    StoryDocument alice = story("s-alice", "alice", "cohort-1", "Alice", 3);
    index.write(alice);
    StoryDocument moved =
        org.storybank.query.projection.CohortChange.of(
                new org.storybank.api.cohort.CohortEvents.CandidateRemoved(
                    "cohort-1", "coach-1", "alice"))
            .orElseThrow()
            .applyTo(alice)
            .orElseThrow();
    assertThat(index.rewrite(moved)).isTrue();
    refresh();

    SearchScope coach = new SearchScope.CohortStories(List.of("cohort-1"));
    assertThat(search.search(coach, query("quarantined")).total()).isZero();
    assertThat(search.search(new SearchScope.OwnStories("alice"), query("quarantined")).total())
        .as("the candidate keeps their story")
        .isEqualTo(1);
    assertThat(index.storiesOf("alice")).extracting(StoryDocument::version).containsExactly(3L);

    index.write(story("s-alice", "alice", null, "Alice, revised", 4));
    assertThat(index.rewrite(moved)).as("a story event wrote a newer version meanwhile").isFalse();
  }

  @Test
  void facetsCountWithinTheScope() throws Exception {
    index.write(story("s-1", "alice", "cohort-1", "One", 0));
    index.write(story("s-2", "alice", "cohort-1", "Two", 0));
    index.write(story("s-3", "bob", "cohort-1", "Three", 0));
    refresh();

    SearchResult result = search.search(new SearchScope.OwnStories("alice"), query(null));
    assertThat(result.total()).isEqualTo(2);
    assertThat(result.facets().get("principle"))
        .containsExactly(new SearchResult.FacetValue("ownership", 2));
  }

  private void refresh() throws Exception {
    elasticsearch.indices().refresh(refresh -> refresh.index(index.name()));
  }

  private static StoryQuery query(String text) {
    return new StoryQuery(text, null, null, null, null, 10);
  }

  private static StoryDocument story(
      String id, String author, String cohort, String title, long version) {
    Instant now = Instant.now();
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
        now);
  }
}
