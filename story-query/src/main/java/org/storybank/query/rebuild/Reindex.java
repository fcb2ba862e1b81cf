package org.storybank.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.story.StoryEvent;
import org.storybank.query.indexing.CohortEventApplier;
import org.storybank.query.indexing.EvaluationsIndex;
import org.storybank.query.indexing.IndexDefinition;
import org.storybank.query.indexing.LoopsIndex;
import org.storybank.query.indexing.MembershipsIndex;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.indexing.StoryEventApplier;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.EvaluationDocument;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.projection.LoopProjection;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.StoryEmbedder;

/**
 * Rebuilds the four projections (stories, evaluations, memberships, loops) from the event store:
 * replay every event in global order into memory, write fresh indexes in bulk, swap all four
 * aliases in one atomic request, then apply what arrived meanwhile. Searches use the old indexes
 * until the swap. Interrupted, it leaves only unaliased indexes behind, which the next run deletes
 * before it starts again.
 */
public class Reindex {

  static final int PAGE = 5_000;

  /**
   * Events this far before the replayed end are applied again after the swap, in case an earlier
   * transaction committed late (its global index was taken before ours but became visible after).
   */
  static final int CATCH_UP_MARGIN = 100;

  private final ElasticsearchClient elasticsearch;
  private final EventStore store;
  private final StoriesIndex stories;
  private final EvaluationsIndex evaluations;
  private final MembershipsIndex memberships;
  private final LoopsIndex loops;
  private final StoryEmbedder embedder;
  private final PrintStream out;
  private final Clock clock;
  private final StoredEventDecoder decoder = new StoredEventDecoder();

  public record Result(
      long events,
      int stories,
      int evaluations,
      int memberships,
      int loops,
      long caughtUp,
      double seconds) {
    public double eventsPerSecond() {
      return seconds == 0 ? 0 : events / seconds;
    }
  }

  Reindex(
      ElasticsearchClient elasticsearch,
      EventStore store,
      StoriesIndex stories,
      EvaluationsIndex evaluations,
      MembershipsIndex memberships,
      LoopsIndex loops,
      StoryEmbedder embedder,
      PrintStream out,
      Clock clock) {
    this.elasticsearch = elasticsearch;
    this.store = store;
    this.stories = stories;
    this.evaluations = evaluations;
    this.memberships = memberships;
    this.loops = loops;
    this.embedder = embedder;
    this.out = out;
    this.clock = clock;
  }

  Result run() throws SQLException, IOException {
    long started = clock.millis();
    List<IndexDefinition> definitions =
        List.of(
            stories.definition(),
            evaluations.definition(),
            memberships.definition(),
            loops.definition());
    for (IndexDefinition definition : definitions) {
      definition.ensure(elasticsearch);
      definition.deleteUnaliasedRebuilds(elasticsearch);
    }
    String suffix = Long.toString(clock.millis());
    List<String> fresh = new ArrayList<>();
    for (IndexDefinition definition : definitions) {
      String index = definition.currentIndex() + "-" + suffix;
      definition.create(elasticsearch, index, false);
      fresh.add(index);
    }

    loading(fresh);
    long end = store.lastGlobalIndex();
    out.printf(Locale.ROOT, "replaying %,d events from the event store%n", end);
    ProjectionFold fold = new ProjectionFold();
    Progress progress = new Progress(started);
    Replayed replayed;
    int storyCount;
    int membershipCount;
    int loopCount;
    try (BulkWriter writer = new BulkWriter(elasticsearch, embedder)) {
      replayed = replay(fold, writer, fresh.get(1), end, progress);
      storyCount = writeStories(fold, writer, fresh.get(0), progress);
      membershipCount = writeMemberships(fold, writer, fresh.get(2));
      loopCount = writeLoops(fold, writer, fresh.get(3));
      writer.flush();
    }

    serving(definitions, fresh);
    elasticsearch.indices().refresh(refresh -> refresh.index(fresh));
    List<String> previous = swap(definitions, fresh);
    long caughtUp = catchUp(Math.max(0, replayed.position() - CATCH_UP_MARGIN));
    for (String old : previous) {
      elasticsearch.indices().delete(delete -> delete.index(old));
    }
    double seconds = (clock.millis() - started) / 1000.0;
    return new Result(
        replayed.events(),
        storyCount,
        replayed.evaluations(),
        membershipCount,
        loopCount,
        caughtUp,
        seconds);
  }

  /** How far the replay went: events read, the last global index, evaluations written. */
  private record Replayed(long events, long position, int evaluations) {}

  /**
   * Folds every event up to {@code end} in global order; evaluations are written as they come (they
   * never change afterwards), stories and memberships wait for the end of the replay.
   */
  private Replayed replay(
      ProjectionFold fold, BulkWriter writer, String evaluationsIndex, long end, Progress progress)
      throws SQLException {
    long replayed = 0;
    long position = 0;
    int evaluationCount = 0;
    while (position < end) {
      List<StoredEvent> page = store.after(position, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (StoredEvent stored : page) {
        if (stored.globalIndex() > end) {
          break;
        }
        decoder.decode(stored).ifPresent(event -> fold.apply(stored, event));
        replayed++;
        position = stored.globalIndex();
      }
      List<EvaluationDocument> drained = fold.drainEvaluations();
      writer.write(
          evaluationsIndex,
          drained,
          EvaluationDocument::evaluationId,
          EvaluationDocument::storyVersion);
      evaluationCount += drained.size();
      if (progress.due()) {
        report(replayed, end, progress);
      }
    }
    report(replayed, end, progress);
    return new Replayed(replayed, position, evaluationCount);
  }

  /** The folded stories with their vectors (reused from the live index where unchanged). */
  private int writeStories(
      ProjectionFold fold, BulkWriter writer, String storiesIndex, Progress progress) {
    List<StoryDocument> folded = new ArrayList<>(fold.stories());
    out.printf(Locale.ROOT, "writing %,d stories%n", folded.size());
    int step = BulkWriter.BATCH * 4;
    for (int from = 0; from < folded.size(); from += step) {
      List<StoryDocument> batch =
          writer.withVectors(
              stories.name(), folded.subList(from, Math.min(from + step, folded.size())));
      writer.write(storiesIndex, batch, StoryDocument::storyId, StoryDocument::version);
      if (progress.due()) {
        out.printf(
            Locale.ROOT,
            "written %,d / %,d stories (%.1f s)%n",
            from + batch.size(),
            folded.size(),
            progress.seconds());
      }
    }
    return folded.size();
  }

  private int writeMemberships(ProjectionFold fold, BulkWriter writer, String membershipsIndex) {
    List<ProjectionFold.VersionedMembership> folded = fold.memberships();
    writer.write(
        membershipsIndex,
        folded,
        known -> known.membership().candidateId() + "/" + known.membership().cohortId(),
        ProjectionFold.VersionedMembership::version,
        ProjectionFold.VersionedMembership::membership);
    return folded.size();
  }

  private int writeLoops(ProjectionFold fold, BulkWriter writer, String loopsIndex) {
    List<LoopDocument> folded = List.copyOf(fold.loops());
    writer.write(loopsIndex, folded, LoopDocument::loopId, LoopDocument::version);
    return folded.size();
  }

  /** When the next progress line is due: every two seconds. */
  private final class Progress {
    private final long started;
    private long lastReport;

    Progress(long started) {
      this.started = started;
      this.lastReport = started;
    }

    double seconds() {
      return (clock.millis() - started) / 1000.0;
    }

    boolean due() {
      if (clock.millis() - lastReport < 2_000) {
        return false;
      }
      lastReport = clock.millis();
      return true;
    }
  }

  /**
   * While loading, a fresh index is never refreshed and its translog is synced in the background
   * rather than per request: nobody searches it yet, and an interrupted rebuild starts over anyway.
   */
  private void loading(List<String> indexes) throws IOException {
    elasticsearch
        .indices()
        .putSettings(
            put ->
                put.index(indexes)
                    .settings(
                        s ->
                            s.refreshInterval(t -> t.time("-1"))
                                .translog(t -> t.durability(TranslogDurability.Async))));
  }

  /** Before the swap each fresh index gets the settings its definition gives a live index. */
  private void serving(List<IndexDefinition> definitions, List<String> indexes) throws IOException {
    for (int i = 0; i < definitions.size(); i++) {
      String index = indexes.get(i);
      String interval = definitions.get(i).refreshInterval();
      elasticsearch
          .indices()
          .putSettings(
              put ->
                  put.index(index)
                      .settings(
                          s ->
                              s.refreshInterval(t -> t.time(interval))
                                  .translog(t -> t.durability(TranslogDurability.Request))));
    }
  }

  private List<String> swap(List<IndexDefinition> definitions, List<String> fresh)
      throws IOException {
    List<String> previous = new ArrayList<>();
    for (IndexDefinition definition : definitions) {
      definition.target(elasticsearch).ifPresent(previous::add);
    }
    elasticsearch
        .indices()
        .updateAliases(
            update -> {
              for (int i = 0; i < definitions.size(); i++) {
                String alias = definitions.get(i).alias();
                String index = fresh.get(i);
                Optional<String> old = definitions.get(i).target(elasticsearch);
                old.ifPresent(
                    oldIndex -> update.actions(a -> a.remove(r -> r.index(oldIndex).alias(alias))));
                update.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
              }
              return update;
            });
    out.println("swapped " + String.join(", ", fresh) + " in under their aliases");
    return previous;
  }

  /** Events the live consumers may have written only to the old indexes, applied to the new. */
  private long catchUp(long from) throws SQLException {
    StoryEventApplier storyApplier =
        new StoryEventApplier(stories, evaluations, memberships, embedder);
    CohortEventApplier cohortApplier = new CohortEventApplier(stories, memberships);
    LoopProjection loopProjection = new LoopProjection();
    long applied = 0;
    long position = from;
    List<StoredEvent> page;
    while (!(page = store.after(position, PAGE)).isEmpty()) {
      for (StoredEvent stored : page) {
        Optional<Object> event = decoder.decode(stored);
        EventEnvelope envelope = stored.envelope();
        if (event.isPresent() && event.get() instanceof StoryEvent storyEvent) {
          storyApplier.apply(storyEvent, envelope);
        } else if (event.isPresent() && event.get() instanceof CohortEvent cohortEvent) {
          CohortChange.of(cohortEvent)
              .ifPresent(change -> cohortApplier.apply(change, stored.sequence()));
        } else if (event.isPresent() && event.get() instanceof LoopEvent loopEvent) {
          loopProjection
              .apply(loops.get(loopEvent.loopId()), loopEvent, envelope)
              .ifPresent(loops::write);
        }
        applied++;
        position = stored.globalIndex();
      }
    }
    return applied;
  }

  private void report(long done, long total, Progress progress) {
    double seconds = Math.max(0.001, progress.seconds());
    out.printf(
        Locale.ROOT,
        "replayed %,d / %,d events (%d%%), %,.0f events/s%n",
        done,
        total,
        total == 0 ? 100 : done * 100 / total,
        done / seconds);
  }
}
