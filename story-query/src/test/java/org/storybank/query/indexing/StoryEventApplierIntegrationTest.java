package org.storybank.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.query.indexing.StoryEventApplier.Received;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.query.support.TestIndexes;

/**
 * A batch of story events on a real Elasticsearch node ends in exactly the documents the same
 * events applied one at a time leave, embeds each story once however many of its events the batch
 * holds, and changes nothing when it comes again.
 */
class StoryEventApplierIntegrationTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final List<TestIndexes> opened = new ArrayList<>();
  private final AtomicInteger embedded = new AtomicInteger();

  @BeforeEach
  void setUp() {
    embedded.set(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (TestIndexes indexes : opened) {
      indexes.close();
    }
  }

  @Test
  void aBatchEndsWhereTheSameEventsOneByOneEnd() {
    List<Received> events = history(12);
    TestIndexes oneByOne = indexes();
    StoryEventApplier single = applier(oneByOne);
    events.forEach(received -> single.apply(received.event(), received.envelope()));
    TestIndexes batched = indexes();

    applier(batched).applyAll(events);

    Map<String, StoryDocument> expected = documents(oneByOne);
    assertThat(expected).hasSize(12);
    assertThat(expected.values()).allSatisfy(doc -> assertThat(doc.vectors()).isNotNull());
    // vectors are float arrays: compared element by element
    assertThat(documents(batched)).usingRecursiveComparison().isEqualTo(expected);
    assertThat(evaluationCount(batched)).isEqualTo(12).isEqualTo(evaluationCount(oneByOne));
  }

  @Test
  void eachStoryIsEmbeddedOncePerBatchHoweverManyOfItsEventsItHolds() {
    TestIndexes indexes = indexes();
    StoryEventApplier applier = applier(indexes);
    embedded.set(0);

    applier.applyAll(history(10));

    assertThat(embedded).as("10 stories, 50 events").hasValue(10);
  }

  @Test
  void aBatchThatComesAgainOrLateChangesNothing() {
    TestIndexes indexes = indexes();
    StoryEventApplier applier = applier(indexes);
    List<Received> events = history(5);
    applier.applyAll(events);
    Map<String, StoryDocument> once = documents(indexes);

    applier.applyAll(events);
    List<Received> drafts = events.stream().filter(e -> e.envelope().sequence() == 0).toList();
    List<Received> shuffled = new ArrayList<>(drafts);
    Collections.reverse(shuffled);
    applier.applyAll(shuffled);

    assertThat(documents(indexes)).usingRecursiveComparison().isEqualTo(once);
    assertThat(once.values())
        .allSatisfy(
            document -> {
              assertThat(document.version()).isEqualTo(4);
              assertThat(document.status()).isEqualTo("archived");
              assertThat(document.title()).startsWith("Revised");
            });
  }

  /** Per story: drafted, revised, evaluated, tagged, archived, the stories' events interleaved. */
  private static List<Received> history(int stories) {
    List<Received> events = new ArrayList<>();
    for (int step = 0; step < 5; step++) {
      for (int n = 0; n < stories; n++) {
        String storyId = "s-" + n;
        StoryEvent event =
            switch (step) {
              case 0 -> drafted(storyId);
              case 1 ->
                  new StoryRevised(
                      storyId,
                      "alice",
                      2,
                      "Revised " + storyId,
                      Level.SENIOR,
                      star("the upload race behind " + storyId));
              case 2 -> evaluated(storyId);
              case 3 -> new PrincipleTagged(storyId, "alice", "dive-deep");
              default -> new StoryArchived(storyId, "alice");
            };
        events.add(
            new Received(
                event,
                new EventEnvelope(storyId + "/" + step, storyId, step, NOW.plusSeconds(step))));
      }
    }
    return events;
  }

  private static StoryDrafted drafted(String storyId) {
    return new StoryDrafted(
        storyId,
        "alice",
        "cohort-a",
        "Drafted " + storyId,
        List.of("ownership"),
        List.of(),
        Level.MID,
        star("a race behind " + storyId));
  }

  private static StarText star(String cause) {
    return new StarText(
        "Deploys failed one time in five.",
        "Nobody owned the pipeline.",
        "I traced the failures to " + cause + " and added a checksum gate.",
        "Failures fell from 20% to under 1%.");
  }

  private static EvaluationRecorded evaluated(String storyId) {
    return new EvaluationRecorded(
        storyId,
        "evaluation-service",
        "eval-" + storyId,
        Evaluator.automatic("evaluation-service"),
        2,
        new EvaluationResult(
            "rubric-1",
            74,
            Verdict.STRONG,
            true,
            List.of(new EvaluationResult.CriterionScore("owns-the-outcome", 3, "I traced")),
            List.of(new EvaluationResult.PitfallFinding("no-reflection", "")),
            List.of(new EvaluationResult.ResultMetric("percent", 20, "20%")),
            ""));
  }

  private TestIndexes indexes() {
    TestIndexes indexes = new TestIndexes();
    opened.add(indexes);
    return indexes;
  }

  private StoryEventApplier applier(TestIndexes indexes) {
    StoryEmbedder counting =
        new StoryEmbedder(TestIndexes.embeddings()) {
          @Override
          public StoryDocument embed(StoryDocument story) {
            embedded.incrementAndGet();
            return super.embed(story);
          }
        };
    return new StoryEventApplier(
        indexes.stories, indexes.evaluations, indexes.memberships, counting);
  }

  private static Map<String, StoryDocument> documents(TestIndexes indexes) {
    indexes.refresh();
    Map<String, StoryDocument> documents = new TreeMap<>();
    indexes.stories.storiesOf("alice").forEach(doc -> documents.put(doc.storyId(), doc));
    return documents;
  }

  private static long evaluationCount(TestIndexes indexes) {
    try {
      indexes.elasticsearch.indices().refresh(refresh -> refresh.index(indexes.evaluations.name()));
      return indexes.elasticsearch.count(count -> count.index(indexes.evaluations.name())).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
