package org.storybank.query.rebuild;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.storybank.api.Level;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.infra.TestServers;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryVectors;
import org.storybank.query.semantic.QuestionReader;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.query.support.CpuClock;
import org.storybank.query.support.TestIndexes;
import org.storybank.rubric.RubricCatalog;

/**
 * {@code ./storybank bench search}: on this machine, with a real Elasticsearch node and PostgreSQL,
 * prints (1) the raw Elasticsearch {@code _bulk} rate as the yardstick, (2) our bulk rate for full
 * story documents (analysed terms, two vectors), (3) the rebuild rate from an event store of {@code
 * stories} × 4 events, and (4) prompt-search latency p50/p99 over those stories with 16 concurrent
 * clients. Story texts are assembled from the relevance bank's sentences; their vectors are the
 * normalised mean of real MiniLM sentence vectors (embedding 100,000 whole stories would take the
 * model ~40 minutes here and is measured separately: ms per story).
 */
public final class SearchBenchmark {

  private static final int CLIENTS = 16;
  private static final int CANDIDATES_PER_COHORT = 10;
  private static final int STORIES_PER_CANDIDATE = 100;

  public static void main(String[] args) throws Exception {
    int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queriesPerClient = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Random random = new Random(7);
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    SentenceEmbeddings embeddings = TestIndexes.embeddings();
    QuestionReader questionReader = TestIndexes.questionReader();
    Corpus corpus = Corpus.load(json, embeddings);
    System.out.printf(
        Locale.ROOT,
        "MiniLM here: %.1f ms per whole story, %.1f ms per question (uncached)%n",
        corpus.msPerStory,
        corpus.msPerQuestion);

    try (TestIndexes indexes = new TestIndexes()) {
      List<StoryDocument> documents = corpus.stories(stories, random);

      // (1) the yardstick: the same texts as plain JSON, default mapping, nothing of ours, with
      // as many requests in flight as the rebuild sends
      long started = System.nanoTime();
      String raw = indexes.properties.storiesIndex() + "-raw";
      java.util.concurrent.ExecutorService senders =
          java.util.concurrent.Executors.newFixedThreadPool(BulkWriter.IN_FLIGHT);
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int from = 0; from < documents.size(); from += BulkWriter.BATCH) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (StoryDocument story :
            documents.subList(from, Math.min(from + BulkWriter.BATCH, documents.size()))) {
          Map<String, Object> plain =
              Map.of(
                  "title", story.title(),
                  "situation", story.situation(),
                  "task", story.task(),
                  "action", story.action(),
                  "result", story.result(),
                  "authorId", story.authorId());
          bulk.operations(op -> op.index(i -> i.index(raw).id(story.storyId()).document(plain)));
        }
        BulkRequest request = bulk.build();
        sent.add(senders.submit(() -> indexes.elasticsearch.bulk(request)));
      }
      for (java.util.concurrent.Future<?> request : sent) {
        request.get();
      }
      senders.shutdown();
      double rawRate = documents.size() / seconds(started);
      System.out.printf(
          Locale.ROOT,
          "raw _bulk (yardstick, %d requests in flight): %,.0f docs/s%n",
          BulkWriter.IN_FLIGHT,
          rawRate);

      // (2) our documents: analysed terms and two 384-dimension vectors each
      started = System.nanoTime();
      try (BulkWriter writer =
          new BulkWriter(indexes.elasticsearch, new StoryEmbedder(embeddings))) {
        writer.write(
            indexes.stories.name(), documents, StoryDocument::storyId, StoryDocument::version);
        writer.flush();
      }
      System.out.printf(
          Locale.ROOT,
          "story documents _bulk (terms + vectors): %,.0f docs/s%n",
          documents.size() / seconds(started));

      // (3) rebuild from an event store of the same stories
      EventStoreTable table = new EventStoreTable(TestServers.shared());
      corpus.writeEvents(table, documents);
      settle(indexes);
      try (EventStore store = table.reader()) {
        CpuClock cpu = new CpuClock(indexes.elasticsearch);
        Reindex.Result result =
            new Reindex(
                    indexes.elasticsearch,
                    store,
                    indexes.stories,
                    indexes.evaluations,
                    indexes.memberships,
                    indexes.loops,
                    new StoryEmbedder(embeddings),
                    new Indented(System.out),
                    Clock.systemUTC())
                .run();
        System.out.printf(
            Locale.ROOT,
            "rebuild: %,d events (%,d stories) in %.1f s: %,.0f events/s%n",
            result.events(),
            result.stories(),
            result.seconds(),
            result.eventsPerSecond());
        CpuClock.Spent spent = cpu.spent();
        System.out.printf(
            Locale.ROOT,
            "rebuild CPU: %.1f s in Elasticsearch, %.1f s in the rebuilding JVM (%.1f s of wall"
                + " time on 2 cores); the stories index has %d segments%n",
            spent.elasticsearchMillis() / 1000.0,
            spent.ownMillis() / 1000.0,
            result.seconds(),
            segments(indexes));
      }
      indexes.refresh();

      // (4) search latency, 16 clients, prompts as interviewers ask them
      org.storybank.query.search.SearchBench.run(
          indexes,
          embeddings,
          questionReader,
          corpus.questions,
          stories,
          CLIENTS,
          queriesPerClient);
    }
  }

  /** The rebuild's own progress lines, indented under the benchmark's figures. */
  private static final class Indented extends java.io.PrintStream {
    Indented(java.io.PrintStream out) {
      super(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
      super.println("    " + line);
    }

    @Override
    public java.io.PrintStream printf(Locale locale, String format, Object... args) {
      return super.printf(locale, "    " + format, args);
    }
  }

  /**
   * Waits (at most a minute) until the node has finished merging what the steps before wrote, so
   * that the rebuild is measured on a quiet node, as it would run against a settled live index.
   */
  private static void settle(TestIndexes indexes) throws InterruptedException {
    for (int second = 0; second < 60; second++) {
      CpuClock cpu = new CpuClock(indexes.elasticsearch);
      Thread.sleep(1_000);
      if (cpu.spent().elasticsearchMillis() < 100) {
        return;
      }
    }
  }

  private static long segments(TestIndexes indexes) throws java.io.IOException {
    return indexes
        .elasticsearch
        .indices()
        .segments(s -> s.index(indexes.stories.name()))
        .indices()
        .values()
        .stream()
        .flatMap(index -> index.shards().values().stream())
        .mapToLong(shard -> shard.get(0).numSearchSegments())
        .sum();
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** Sentences, titles and questions with their vectors, to assemble stories from. */
  static final class Corpus {
    final List<String> titles = new ArrayList<>();
    final List<String> sentences = new ArrayList<>();
    final Map<String, float[]> vectors = new HashMap<>();
    final List<String> questions = new ArrayList<>();
    final List<List<String>> principleSets = new ArrayList<>();
    double msPerStory;
    double msPerQuestion;

    static Corpus load(ObjectMapper json, SentenceEmbeddings embeddings) throws Exception {
      Corpus corpus = new Corpus();
      try (InputStream in =
          SearchBenchmark.class.getResourceAsStream("/search/relevance-bank.json")) {
        var bank = json.readTree(in);
        long started = System.nanoTime();
        for (var story : bank.get("stories")) {
          corpus.titles.add(story.get("title").asText());
          List<String> principles = new ArrayList<>();
          story.get("principles").forEach(p -> principles.add(p.asText()));
          corpus.principleSets.add(principles);
          for (String field : List.of("situation", "task", "action", "result")) {
            for (String sentence : story.get(field).asText().split("(?<=[.!?])\\s+")) {
              corpus.sentences.add(sentence);
            }
          }
          embeddings.embed(
              story.get("title").asText()
                  + ". "
                  + story.get("task").asText()
                  + " "
                  + story.get("action").asText()
                  + " "
                  + story.get("result").asText());
        }
        corpus.msPerStory = (System.nanoTime() - started) / 1e6 / bank.get("stories").size();
        bank.get("questions").forEach(q -> corpus.questions.add(q.get("q").asText()));
      }
      RubricCatalog.load().principles().forEach(p -> corpus.questions.addAll(p.prompts()));
      long started = System.nanoTime();
      for (String question : corpus.questions.subList(0, 20)) {
        embeddings.embed(question);
      }
      corpus.msPerQuestion = (System.nanoTime() - started) / 1e6 / 20;
      for (String text : corpus.titles) {
        corpus.vectors.put(text, embeddings.embed(text));
      }
      for (String text : corpus.sentences) {
        corpus.vectors.put(text, embeddings.embed(text));
      }
      return corpus;
    }

    List<StoryDocument> stories(int count, Random random) {
      List<StoryDocument> stories = new ArrayList<>(count);
      Instant at = Instant.parse("2026-11-01T00:00:00Z");
      for (int i = 0; i < count; i++) {
        int candidate = i / STORIES_PER_CANDIDATE;
        int pick = random.nextInt(titles.size());
        String title = titles.get(pick) + " #" + i;
        String task = sentence(random);
        String action = sentence(random) + " " + sentence(random) + " " + sentence(random);
        String result = sentence(random);
        List<StoryDocument.IndexedPrompt> prompts =
            random.nextBoolean()
                ? List.of(
                    new StoryDocument.IndexedPrompt(
                        "p1", questions.get(random.nextInt(questions.size())), ""))
                : List.of();
        StoryDocument story =
            new StoryDocument(
                "bench-" + i,
                "candidate-" + candidate,
                "cohort-" + candidate / CANDIDATES_PER_COHORT,
                title,
                principleSets.get(pick),
                prompts,
                Level.values()[random.nextInt(4)].id(),
                sentence(random),
                task,
                action,
                result,
                "draft",
                3,
                2,
                at,
                at,
                null,
                null,
                null);
        float[] storyVector = mean(List.of(titles.get(pick), task, result), action);
        float[] promptVector = prompts.isEmpty() ? null : vectorOfQuestion(prompts.get(0).text());
        stories.add(
            story.withVectors(
                new StoryVectors(storyVector, promptVector, StoryEmbedder.sourceOf(story))));
      }
      return stories;
    }

    private float[] vectorOfQuestion(String question) {
      return vectors.computeIfAbsent(question, q -> TestIndexes.embeddings().embed(q));
    }

    private float[] mean(List<String> parts, String action) {
      List<float[]> all = new ArrayList<>();
      for (String part : parts) {
        float[] vector = vectors.get(part);
        if (vector != null) {
          all.add(vector);
        }
      }
      for (String sentence : action.split("(?<=[.!?])\\s+")) {
        float[] vector = vectors.get(sentence);
        if (vector != null) {
          all.add(vector);
        }
      }
      float[] sum = new float[SentenceEmbeddings.DIMENSIONS];
      for (float[] vector : all) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += vector[d];
        }
      }
      double norm = 0;
      for (float value : sum) {
        norm += value * value;
      }
      norm = Math.sqrt(norm);
      for (int d = 0; d < sum.length; d++) {
        sum[d] = (float) (sum[d] / norm);
      }
      return sum;
    }

    private String sentence(Random random) {
      return sentences.get(random.nextInt(sentences.size()));
    }

    /** Drafted (first text), revised (final text), evaluated, tagged: 4 events a story. */
    void writeEvents(EventStoreTable table, List<StoryDocument> stories) throws Exception {
      Map<String, Long> cohortSequences = new HashMap<>();
      java.util.Set<String> enrolled = new java.util.HashSet<>();
      for (StoryDocument story : stories) {
        if (enrolled.add(story.authorId())) {
          long sequence = cohortSequences.merge(story.cohortId(), 1L, Long::sum) - 1;
          table.append(
              story.cohortId(),
              sequence,
              new CandidateEnrolled(
                  story.cohortId(), story.authorId(), "inv-" + table.lastGlobalIndex()));
        }
        StarText first =
            new StarText(story.situation(), "A first task.", "A first action.", "A first result.");
        List<PromptLink> prompts =
            story.prompts().stream()
                .map(p -> new PromptLink(p.promptId(), p.text(), p.angle()))
                .toList();
        Level level = Level.fromId(story.level()).orElseThrow();
        table.append(
            story.storyId(),
            0,
            new StoryDrafted(
                story.storyId(),
                story.authorId(),
                story.cohortId(),
                "Draft",
                story.principles().subList(0, 1),
                prompts,
                level,
                first));
        table.append(
            story.storyId(),
            1,
            new StoryRevised(
                story.storyId(),
                story.authorId(),
                2,
                story.title(),
                level,
                new StarText(story.situation(), story.task(), story.action(), story.result())));
        long global = table.lastGlobalIndex();
        table.append(
            story.storyId(),
            2,
            new EvaluationRecorded(
                story.storyId(),
                "svc",
                "eval-" + story.storyId(),
                Evaluator.automatic("svc"),
                2,
                new EvaluationResult(
                    "bench",
                    40 + (int) (global % 60),
                    Verdict.MIXED,
                    true,
                    List.of(new EvaluationResult.CriterionScore("owns-the-outcome", 3, "")),
                    List.of(new EvaluationResult.PitfallFinding("no-reflection", "")),
                    List.of(new EvaluationResult.ResultMetric("percent", 20, "20%")),
                    "")));
        long sequence = 3;
        for (String principle : story.principles().subList(1, story.principles().size())) {
          table.append(
              story.storyId(),
              sequence++,
              new PrincipleTagged(story.storyId(), story.authorId(), principle));
        }
        if (story.principles().size() == 1) {
          table.append(
              story.storyId(),
              sequence,
              new org.storybank.api.story.StoryEvents.StoryMarkedReady(
                  story.storyId(), story.authorId()));
        }
      }
      table.flush();
    }
  }
}
