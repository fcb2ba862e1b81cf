package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storybank.query.support.Stories.archived;
import static org.storybank.query.support.Stories.automatic;
import static org.storybank.query.support.Stories.evaluated;
import static org.storybank.query.support.Stories.story;
import static org.storybank.query.support.Stories.updatedAt;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.CohortPlacement;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.query.support.TestIndexes;
import org.storybank.rubric.RubricCatalog;

/**
 * The stories index on a real Elasticsearch node: versioned writes, the search scope, filters,
 * facets, paging and sorting. One set of indexes per test.
 */
class StorySearchIntegrationTest {

  private TestIndexes indexes;
  private StoryEmbedder embedder;
  private StorySearch search;
  private final StoryQueryParser parser = new StoryQueryParser(RubricCatalog.load());

  @BeforeEach
  void freshIndexes() {
    indexes = new TestIndexes();
    embedder = indexes.embedder();
    search =
        new StorySearch(
            indexes.elasticsearch,
            indexes.stories,
            TestIndexes.embeddings(),
            TestIndexes.questionReader());
  }

  @AfterEach
  void dropIndexes() throws Exception {
    indexes.close();
  }

  @Test
  void anOlderOrRepeatedVersionNeverOverwritesANewerOne() {
    write(story("s-1", "alice", "cohort-1", "second revision", 2));
    write(story("s-1", "alice", "cohort-1", "first revision arriving late", 1));
    write(story("s-1", "alice", "cohort-1", "second revision replayed", 2));

    StoryDocument stored = indexes.stories.get("s-1").orElseThrow();
    assertThat(stored.title()).isEqualTo("second revision");
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.vectors().story()).hasSize(384);
  }

  @Test
  void aCandidateFindsTheirOwnStoryByAWordOfItsActionAndNobodyElses() {
    write(story("s-alice", "alice", "cohort-1", "Alice and the quarantined queue", 0));
    write(story("s-bob", "bob", "cohort-1", "Bob and the quarantined queue", 0));
    write(story("s-carol", "carol", "cohort-2", "Carol and the quarantined queue", 0));

    SearchResult alice = search.search(own("alice"), query("q", "quarantine"));
    assertThat(alice.hits()).extracting(SearchResult.Hit::storyId).containsExactly("s-alice");
    assertThat(alice.hits().get(0).highlights().get("action").get(0))
        .contains("<em>quarantined</em>");
    assertThat(alice.hits().get(0).why()).anyMatch(reason -> reason.contains("action"));

    SearchResult aliceAskingForBob =
        search.search(own("alice"), query("q", "quarantined", "candidateId", "bob"));
    assertThat(aliceAskingForBob.total()).isZero();
    assertThat(aliceAskingForBob.hits()).isEmpty();
  }

  @Test
  void aRareWordFindsOnlyTheStoryThatHoldsIt() {
    write(story("s-1", "alice", "cohort-1", "The queue", 0));
    StoryDocument other = story("s-2", "alice", "cohort-1", "Billing export", 0);
    write(
        new StoryDocument(
            "s-2",
            "alice",
            "cohort-1",
            "Billing export",
            List.of("dive-deep"),
            List.of(),
            "mid",
            "Invoices broke.",
            "Nobody owned it.",
            "I rebuilt the xylophonequartz export.",
            "Zero broken exports.",
            "draft",
            0,
            1,
            other.createdAt(),
            other.updatedAt(),
            null,
            null,
            null));

    SearchResult result = search.search(own("alice"), query("q", "xylophonequartz"));

    assertThat(result.total()).isEqualTo(1);
    assertThat(result.hits()).extracting(SearchResult.Hit::storyId).containsExactly("s-2");
  }

  @Test
  void aStoryWithMarkupControlCharactersAndNoPrinciplesIsFoundAndEscaped() {
    StoryDocument plain = story("s-odd", "alice", "cohort-1", "x", 0);
    write(
        new StoryDocument(
            "s-odd",
            "alice",
            "cohort-1",
            "<script>alert('t')</script> & \"quotes\" \u0007bell",
            List.of(),
            List.of(),
            "mid",
            "line one\r\nline two",
            "</div><b>bold</b>",
            "I <img src=x onerror=alert(1)> fixed the zanzibarquux job\u0000 with tabs\tand\u001b[31m",
            "{{7*7}} ${7*7}",
            "draft",
            0,
            1,
            plain.createdAt(),
            plain.updatedAt(),
            null,
            null,
            null));

    SearchResult result = search.search(own("alice"), query("q", "zanzibarquux"));

    assertThat(result.total()).isEqualTo(1);
    assertThat(result.hits()).hasSize(1);
    assertThat(result.hits().get(0).highlights().get("action").get(0))
        .contains("<em>zanzibarquux</em>")
        .contains("&lt;img")
        .doesNotContain("<img");
  }

  @Test
  void aCoachFindsTheStoriesOfTheirCohortsOnly() {
    write(story("s-alice", "alice", "cohort-1", "Alice", 0));
    write(story("s-carol", "carol", "cohort-2", "Carol", 0));
    write(story("s-dan", "dan", "cohort-3", "Dan", 0));

    SearchResult coach =
        search.search(
            new SearchScope.CohortStories(List.of("cohort-1", "cohort-2")),
            query("q", "quarantined"));
    assertThat(coach.hits())
        .extracting(SearchResult.Hit::storyId)
        .containsExactlyInAnyOrder("s-alice", "s-carol");
    assertThat(
            search
                .search(
                    new SearchScope.CohortStories(List.of("cohort-1")),
                    query("q", "quarantined", "cohortId", "cohort-3"))
                .total())
        .as("a filter for another cohort finds nothing")
        .isZero();
    assertThat(search.search(new SearchScope.Nothing(), query("q", "quarantined")).total())
        .isZero();
  }

  @Test
  void archivedStoriesDoNotShowUp() {
    write(story("s-live", "alice", "cohort-1", "Live", 0));
    write(archived(story("s-archived", "alice", "cohort-1", "Archived", 0)));

    SearchResult result = search.search(own("alice"), query("q", "quarantined"));
    assertThat(result.hits()).extracting(SearchResult.Hit::storyId).containsExactly("s-live");
  }

  @Test
  void archivedStoriesAreListedApartWhenAskedForWithinTheCallersScope() {
    write(story("s-live", "alice", "cohort-1", "Live", 0));
    write(archived(story("s-archived", "alice", "cohort-1", "Archived", 0)));
    write(archived(story("s-bobs-archived", "bob", "cohort-1", "Bob's archived", 0)));

    SearchResult result = search.search(own("alice"), query("archived", "true"));
    assertThat(result.hits()).extracting(SearchResult.Hit::storyId).containsExactly("s-archived");
    assertThat(search.search(own("alice"), query("archived", "false")).hits())
        .extracting(SearchResult.Hit::storyId)
        .containsExactly("s-live");
  }

  @Test
  void synonymsAndMeaningFindAStoryThatSharesNoWordWithTheQuestion() {
    StoryDocument pushback =
        new StoryDocument(
            "s-pushback",
            "alice",
            "cohort-1",
            "The rewrite I argued against",
            List.of("have-backbone"),
            List.of(),
            "senior",
            "My director wanted to rewrite billing in a new language during peak season.",
            "I believed the risk to invoices was too high.",
            "I pushed back in the planning review with failure data from the last migration.",
            "We postponed to January and the migration shipped with no billing errors.",
            "ready",
            0,
            1,
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"),
            null,
            null,
            null);
    write(pushback);
    write(story("s-queue", "alice", "cohort-1", "Queue", 0));

    SearchResult result =
        search.search(
            own("alice"), query("q", "Tell me about a time you disagreed with your boss"));

    assertThat(result.hits().get(0).storyId()).isEqualTo("s-pushback");
    SearchResult.Hit hit = result.hits().get(0);
    assertThat(hit.highlights().get("action").get(0)).contains("<em>pushed back</em>");
    assertThat(hit.match().principlesMatched()).contains("have-backbone");
    assertThat(hit.why()).anyMatch(reason -> reason.startsWith("tagged have-backbone"));
    assertThat(result.questionPrinciples()).contains("have-backbone");
  }

  @Test
  void filtersOnTheEvaluationNarrowTheResult() {
    write(
        evaluated(
            story("s-strong", "alice", "c", "Strong", 1), automatic(85, "strong", List.of())));
    write(
        evaluated(
            story("s-weak", "alice", "c", "Weak", 1),
            automatic(30, "weak", List.of("vague-outcome", "we-not-i"))));
    write(story("s-unjudged", "alice", "c", "Unjudged", 0));

    assertThat(indexes.stories.get("s-strong").orElseThrow().metrics())
        .as("a document with figures reads back (derived fields are written, never read)")
        .hasSize(1);
    assertThat(ids(query("pitfall", "we-not-i"))).containsExactly("s-weak");
    assertThat(ids(query("verdict", "strong"))).containsExactly("s-strong");
    assertThat(ids(query("minScore", "60"))).containsExactly("s-strong");
    assertThat(ids(query("maxScore", "40"))).containsExactly("s-weak");
    assertThat(ids(query("quantified", "true"))).containsExactly("s-strong");
    assertThat(ids(query("quantified", "false"))).containsExactlyInAnyOrder("s-weak", "s-unjudged");

    SearchResult all = search.search(own("alice"), query());
    assertThat(all.facets().get("verdict"))
        .containsExactlyInAnyOrder(
            new SearchResult.FacetValue("strong", 1), new SearchResult.FacetValue("weak", 1));
    assertThat(all.facets().get("scoreBand"))
        .contains(new SearchResult.FacetValue("0-39", 1), new SearchResult.FacetValue("80-100", 1));
    assertThat(all.facets().get("pitfall")).contains(new SearchResult.FacetValue("we-not-i", 1));
  }

  @Test
  void pagesAndSortsByScoreAndRecency() {
    for (int i = 1; i <= 5; i++) {
      StoryDocument story =
          evaluated(
              story("s-" + i, "alice", "c", "Queue " + i, 1),
              automatic(20 * i - 5, i > 3 ? "strong" : "mixed", List.of()));
      write(updatedAt(story, Instant.parse("2026-11-0" + (6 - i) + "T00:00:00Z")));
    }

    assertThat(ids(query("sort", "score", "size", "2"))).containsExactly("s-5", "s-4");
    assertThat(ids(query("sort", "score", "size", "2", "from", "2"))).containsExactly("s-3", "s-2");
    assertThat(ids(query("sort", "recency", "size", "3"))).containsExactly("s-1", "s-2", "s-3");
    assertThat(ids(query("q", "queue", "sort", "score", "size", "1"))).containsExactly("s-5");
    assertThat(ids(query("updatedFrom", "2026-11-04"))).containsExactlyInAnyOrder("s-1", "s-2");
    SearchResult page = search.search(own("alice"), query("size", "2", "from", "4"));
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.hits()).hasSize(1);
  }

  @Test
  void pagesByAQuestionNeverRepeatOrSkipAStoryAmongEqualOnes() {
    // equal stories tie on every signal: only a stable paging keeps the pages apart
    for (int i = 0; i < 240; i++) {
      indexes.stories.write(
          embedder.embed(story(String.format("s-%03d", i), "alice", "c", "Queue story", 1)));
    }
    indexes.refresh();

    for (String question : List.of("queue", "Tell me about a time you fixed a queue")) {
      for (String sort : List.of("relevance", "score", "recency")) {
        for (int size : List.of(100, 70)) {
          List<String> seen = new java.util.ArrayList<>();
          for (int from = 0; from < 240; from += size) {
            seen.addAll(
                ids(
                    query(
                        "q",
                        question,
                        "sort",
                        sort,
                        "size",
                        Integer.toString(size),
                        "from",
                        Integer.toString(from))));
          }
          assertThat(seen)
              .as("%s, sorted by %s, %d a page", question, sort, size)
              .doesNotHaveDuplicates()
              .hasSize(240);
        }
      }
    }
  }

  @Test
  void aCandidateWhoLeftTheCohortIsNoLongerFoundByItsCoach() {
    StoryDocument alice = story("s-alice", "alice", "cohort-1", "Alice", 3);
    write(alice);
    StoryDocument moved =
        CohortPlacement.move(
                indexes.stories.get("s-alice").orElseThrow(),
                List.of(new CohortPlacement.Membership("alice", "cohort-1", false)))
            .orElseThrow();
    assertThat(indexes.stories.rewrite(moved)).isTrue();
    indexes.refresh();

    SearchScope coach = new SearchScope.CohortStories(List.of("cohort-1"));
    assertThat(search.search(coach, query("q", "quarantined")).total()).isZero();
    assertThat(search.search(own("alice"), query("q", "quarantined")).total())
        .as("the candidate keeps their story")
        .isEqualTo(1);
    assertThat(indexes.stories.storiesOf("alice"))
        .extracting(StoryDocument::version)
        .containsExactly(3L);

    write(story("s-alice", "alice", null, "Alice, revised", 4));
    assertThat(indexes.stories.rewrite(moved))
        .as("a story event wrote a newer version meanwhile")
        .isFalse();
  }

  @Test
  void aStoryDraftedBeforeItsAuthorLeftButIndexedAfterIsPlacedByTheMembershipView() {
    indexes.memberships.record(new CohortChange("alice", "cohort-1", null), 3);
    indexes.memberships.record(new CohortChange("alice", null, "cohort-1"), 7);
    indexes.memberships.record(new CohortChange("alice", "cohort-1", null), 3);

    StoryDocument placed =
        indexes.memberships.place(story("s-late", "alice", "cohort-1", "Late", 0));
    assertThat(placed.cohortId()).isNull();

    indexes.memberships.record(new CohortChange("alice", "cohort-2", null), 1);
    assertThat(
            indexes.memberships.place(story("s-late", "alice", "cohort-1", "Late", 0)).cohortId())
        .isEqualTo("cohort-2");
    assertThat(indexes.memberships.place(story("s-x", "zed", "cohort-9", "X", 0)).cohortId())
        .as("an author the view has never seen keeps the cohort of the event")
        .isEqualTo("cohort-9");
  }

  @Test
  void badParametersAreNamed() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                StoryQueryParser.InvalidQuery.class, () -> query("principle", "bravery")))
        .hasMessageContaining("principle 'bravery' is not one of");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                StoryQueryParser.InvalidQuery.class, () -> query("size", "1000")))
        .hasMessage("size must be between 1 and 100");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                StoryQueryParser.InvalidQuery.class, () -> query("updatedFrom", "yesterday")))
        .hasMessageContaining("updatedFrom");
  }

  private List<String> ids(StoryQuery query) {
    return search.search(own("alice"), query).hits().stream()
        .map(SearchResult.Hit::storyId)
        .toList();
  }

  private void write(StoryDocument story) {
    indexes.stories.write(embedder.embed(story));
    indexes.refresh();
  }

  private static SearchScope own(String candidate) {
    return new SearchScope.OwnStories(candidate);
  }

  private StoryQuery query(String... pairs) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return parser.parse(params);
  }
}
