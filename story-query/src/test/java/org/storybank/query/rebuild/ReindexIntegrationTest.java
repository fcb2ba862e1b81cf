package org.storybank.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopPlanned;
import org.storybank.api.loop.LoopEvents.LoopRevised;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;
import org.storybank.api.loop.StoryUse;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.infra.TestServers;
import org.storybank.query.indexing.CohortEventApplier;
import org.storybank.query.indexing.StoryEventApplier;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.projection.LoopProjection;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.support.TestIndexes;

/**
 * {@code ./storybank reindex} on a real PostgreSQL event store and a real Elasticsearch node: the
 * same events, applied one by one as the live consumers do and replayed by a rebuild, end in the
 * same documents; the rebuilt indexes serve with the live settings; an interrupted run's leftovers
 * are cleared.
 */
class ReindexIntegrationTest {

  private TestIndexes indexes;
  private EventStoreTable table;
  private StoryEventApplier storyApplier;
  private CohortEventApplier cohortApplier;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    indexes = new TestIndexes();
    table = new EventStoreTable(TestServers.shared());
    storyApplier =
        new StoryEventApplier(
            indexes.stories, indexes.evaluations, indexes.memberships, indexes.embedder());
    cohortApplier = new CohortEventApplier(indexes.stories, indexes.memberships);
  }

  @AfterEach
  void tearDown() throws Exception {
    indexes.close();
  }

  @Test
  void aRebuildEndsWithTheDocumentsTheLiveConsumersWrote() throws Exception {
    // alice and bob in cohort-a; bob leaves, drafts once more, then joins cohort-b
    happen("cohort-a", 0, new CandidateEnrolled("cohort-a", "alice", "inv-1"));
    happen("cohort-a", 1, new CandidateEnrolled("cohort-a", "bob", "inv-2"));
    happen("s-1", 0, drafted("s-1", "alice", "The deploy gate nobody asked for"));
    happen("s-1", 1, revised("s-1", "alice", "The deploy gate I owned"));
    happen("s-1", 2, evaluated("s-1", 1, 74, "no-reflection"));
    happen("s-1", 3, new PrincipleTagged("s-1", "alice", "dive-deep"));
    happen("s-2", 0, drafted("s-2", "bob", "Customer calls I took on"));
    happen("s-2", 1, evaluated("s-2", 1, 41, "vague-outcome"));
    happen("cohort-a", 2, new CandidateRemoved("cohort-a", "coach-a", "bob"));
    happen("s-3", 0, drafted("s-3", "bob", "Drafted just after leaving"));
    happen("cohort-b", 0, new CandidateEnrolled("cohort-b", "bob", "inv-3"));
    happen("s-4", 0, drafted("s-4", "alice", "An old story"));
    happen("s-4", 1, new StoryArchived("s-4", "alice"));
    happen("loop-1", 0, new LoopPlanned("loop-1", "alice", loop("Acme", "ownership")));
    happen("loop-1", 1, new LoopRevised("loop-1", "alice", loop("Acme", "dive-deep")));
    happen(
        "loop-1",
        2,
        new LoopUsageRecorded(
            "loop-1",
            "alice",
            "Acme",
            "2026-11-02",
            List.of(new StoryUse("Onsite", "dive-deep", "s-1"))));
    happen("loop-2", 0, new LoopPlanned("loop-2", "bob", loop("Initech", "ownership")));
    happen("loop-2", 1, new LoopCancelled("loop-2", "bob"));
    table.flush();
    indexes.refresh();
    Map<String, StoryDocument> live = stories();
    LoopDocument liveLoop = indexes.loops.get("loop-1").orElseThrow();
    List<String> liveEvaluations = ids(indexes.evaluations.definition().alias());
    String liveIndex = indexes.stories.definition().target(indexes.elasticsearch).orElseThrow();

    Reindex.Result result = reindex().run();

    assertThat(result.events()).isEqualTo(18);
    assertThat(result.stories()).isEqualTo(4);
    assertThat(result.evaluations()).isEqualTo(2);
    assertThat(result.memberships()).as("alice/a, bob/a (left), bob/b").isEqualTo(3);
    assertThat(result.loops()).as("a cancelled loop is kept, marked").isEqualTo(2);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("replayed 18 / 18 events (100%)")
        .contains("writing 4 stories")
        .contains("swapped");
    String rebuiltIndex = indexes.stories.definition().target(indexes.elasticsearch).orElseThrow();
    assertThat(rebuiltIndex).isNotEqualTo(liveIndex);
    assertThat(indexes.elasticsearch.indices().exists(e -> e.index(liveIndex)).value())
        .as("the old index is deleted after the swap")
        .isFalse();

    Map<String, StoryDocument> rebuilt = stories();
    assertThat(rebuilt.keySet()).containsExactlyElementsOf(live.keySet());
    for (String id : live.keySet()) {
      assertThat(rebuilt.get(id).withVectors(null))
          .as("story %s, field for field", id)
          .isEqualTo(live.get(id).withVectors(null));
      assertThat(rebuilt.get(id).vectors().story()).containsExactly(live.get(id).vectors().story());
      assertThat(rebuilt.get(id).vectors().source()).isEqualTo(live.get(id).vectors().source());
    }
    assertThat(rebuilt.get("s-1").revision()).isEqualTo(2);
    assertThat(rebuilt.get("s-1").principles()).containsExactly("ownership", "dive-deep");
    assertThat(rebuilt.get("s-1").pitfalls()).containsExactly("no-reflection");
    assertThat(rebuilt.get("s-2").cohortId()).isEqualTo("cohort-b");
    assertThat(rebuilt.get("s-3").cohortId())
        .as("placed by bob's memberships, not by the cohort its draft named")
        .isEqualTo("cohort-b");
    assertThat(rebuilt.get("s-4").status()).isEqualTo("archived");
    assertThat(ids(indexes.evaluations.definition().alias()))
        .containsExactlyInAnyOrderElementsOf(liveEvaluations);
    assertThat(indexes.loops.get("loop-1")).contains(liveLoop);
    assertThat(indexes.loops.get("loop-1").orElseThrow().interviews().get(0).principles())
        .as("as revised")
        .containsExactly("dive-deep");
    assertThat(indexes.loops.live("loop-2")).as("cancelled stays cancelled").isEmpty();
    assertThat(indexes.loops.get("loop-2")).isPresent();

    var settings =
        indexes
            .elasticsearch
            .indices()
            .getSettings(get -> get.index(rebuiltIndex))
            .get(rebuiltIndex)
            .settings()
            .index();
    assertThat(settings.refreshInterval().time())
        .as("loaded unrefreshed, served as the definition says")
        .isEqualTo("500ms");
    assertThat(settings.translog().durability().jsonValue()).isEqualTo("request");
  }

  @Test
  void anInterruptedRunsLeftoversAreDeletedAndTheLiveIndexKeepsServingUntilTheSwap()
      throws Exception {
    happen("cohort-a", 0, new CandidateEnrolled("cohort-a", "alice", "inv-1"));
    happen("s-1", 0, drafted("s-1", "alice", "A story"));
    table.flush();
    String leftover = indexes.stories.definition().currentIndex() + "-1";
    indexes.stories.definition().create(indexes.elasticsearch, leftover, false);

    reindex().run();

    assertThat(indexes.elasticsearch.indices().exists(e -> e.index(leftover)).value()).isFalse();
    assertThat(stories().keySet()).containsExactly("s-1");
  }

  private Reindex reindex() throws Exception {
    return new Reindex(
        indexes.elasticsearch,
        table.reader(),
        indexes.stories,
        indexes.evaluations,
        indexes.memberships,
        indexes.loops,
        indexes.embedder(),
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        Clock.systemUTC());
  }

  private static LoopDetails loop(String company, String principle) {
    return new LoopDetails(
        company,
        "Engineer",
        "senior",
        "2026-11-02",
        List.of(new LoopDetails.Interview("Onsite", List.of(principle), List.of())));
  }

  /** Stored, then applied as the live consumers apply what Kafka brings them. */
  private void happen(String aggregateId, long sequence, Object event) throws Exception {
    EventEnvelope envelope = table.append(aggregateId, sequence, event);
    if (event instanceof StoryEvent storyEvent) {
      storyApplier.apply(storyEvent, envelope);
    } else if (event instanceof CohortEvent cohortEvent) {
      CohortChange.of(cohortEvent).ifPresent(change -> cohortApplier.apply(change, sequence));
    } else if (event instanceof LoopEvent loopEvent) {
      new LoopProjection()
          .apply(indexes.loops.get(loopEvent.loopId()), loopEvent, envelope)
          .ifPresent(indexes.loops::write);
    }
  }

  private Map<String, StoryDocument> stories() throws Exception {
    indexes.refresh();
    Map<String, StoryDocument> stories = new TreeMap<>();
    for (Hit<StoryDocument> hit :
        indexes
            .elasticsearch
            .search(s -> s.index(indexes.stories.name()).size(100), StoryDocument.class)
            .hits()
            .hits()) {
      stories.put(hit.id(), hit.source());
    }
    return stories;
  }

  private List<String> ids(String index) throws Exception {
    indexes.elasticsearch.indices().refresh(r -> r.index(index));
    List<String> ids = new ArrayList<>();
    indexes
        .elasticsearch
        .search(s -> s.index(index).size(100), Object.class)
        .hits()
        .hits()
        .forEach(hit -> ids.add(hit.id()));
    return ids;
  }

  private static StoryDrafted drafted(String storyId, String author, String title) {
    return new StoryDrafted(
        storyId,
        author,
        "cohort-a",
        title,
        List.of("ownership"),
        List.of(new PromptLink("p-1", "Tell me about a time you fixed what nobody owned", "")),
        Level.MID,
        new StarText(
            "Deploys failed one time in five.",
            "Nobody owned the pipeline.",
            "I traced the failures to a race and added a checksum gate.",
            "Failures fell from 20% to under 1%."));
  }

  private static StoryRevised revised(String storyId, String author, String title) {
    return new StoryRevised(
        storyId,
        author,
        2,
        title,
        Level.SENIOR,
        new StarText(
            "Deploys failed one time in five across three teams.",
            "Nobody owned the pipeline after a reorganisation.",
            "I bisected the failures to an upload race and added a checksum gate.",
            "Failures fell from 20% to under 1% and two teams reused the gate."));
  }

  private static EvaluationRecorded evaluated(
      String storyId, int revision, int score, String pitfall) {
    return new EvaluationRecorded(
        storyId,
        "evaluation-service",
        "eval-" + storyId,
        Evaluator.automatic("evaluation-service"),
        revision,
        new EvaluationResult(
            "rubric-1",
            score,
            score >= 70 ? Verdict.STRONG : Verdict.MIXED,
            score >= 70,
            List.of(new EvaluationResult.CriterionScore("owns-the-outcome", 3, "I traced")),
            List.of(new EvaluationResult.PitfallFinding(pitfall, "")),
            List.of(new EvaluationResult.ResultMetric("percent", 20, "20%")),
            ""));
  }
}
