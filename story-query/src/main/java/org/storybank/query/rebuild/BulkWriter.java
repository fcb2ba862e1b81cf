package org.storybank.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.storybank.query.indexing.VersionedBulk;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryVectors;
import org.storybank.query.semantic.StoryEmbedder;

/**
 * Writes rebuilt documents in bulk under external versioning, {@value #IN_FLIGHT} requests at a
 * time: while Elasticsearch indexes one batch, the next is serialised (analysed terms included) and
 * the replay goes on. Story vectors are taken from the live index when the story's text has not
 * changed, so a rebuild does not run the sentence model again for every story. {@link #flush()}
 * waits for everything sent and reports the first failure.
 */
class BulkWriter implements AutoCloseable {

  static final int BATCH = 1_000;
  static final int IN_FLIGHT = 2;

  private final ElasticsearchClient elasticsearch;
  private final StoryEmbedder embedder;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final ExecutorService senders =
      Executors.newFixedThreadPool(
          IN_FLIGHT,
          work -> {
            Thread thread = new Thread(work, "reindex-bulk");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  BulkWriter(ElasticsearchClient elasticsearch, StoryEmbedder embedder) {
    this.elasticsearch = elasticsearch;
    this.embedder = embedder;
  }

  <T> void write(
      String index, List<T> documents, Function<T, String> id, ToLongFunction<T> version) {
    write(index, documents, id, version, document -> document);
  }

  /** Sends what {@code source} makes of each item, under the item's id and version. */
  <T> void write(
      String index,
      List<T> documents,
      Function<T, String> id,
      ToLongFunction<T> version,
      Function<T, ?> source) {
    for (int from = 0; from < documents.size(); from += BATCH) {
      List<T> batch = documents.subList(from, Math.min(from + BATCH, documents.size()));
      VersionedBulk bulk = new VersionedBulk();
      for (T document : batch) {
        bulk.add(index, id.apply(document), version.applyAsLong(document), source.apply(document));
      }
      send(bulk);
    }
  }

  /** Waits until every request sent so far is answered; throws the first that failed. */
  void flush() {
    inFlight.acquireUninterruptibly(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
  }

  /** Stories with their vectors: reused from {@code liveAlias} where the text is the same. */
  List<StoryDocument> withVectors(String liveAlias, List<StoryDocument> stories) {
    Map<String, StoryVectors> live = liveVectors(liveAlias, stories);
    return stories.stream()
        .map(story -> embedder.embed(story.withVectors(live.get(story.storyId()))))
        .toList();
  }

  private Map<String, StoryVectors> liveVectors(String alias, List<StoryDocument> stories) {
    Map<String, StoryVectors> vectors = new HashMap<>();
    if (stories.isEmpty()) {
      return vectors;
    }
    try {
      for (MultiGetResponseItem<StoryDocument> item :
          elasticsearch
              .mget(
                  get ->
                      get.index(alias)
                          .ids(stories.stream().map(StoryDocument::storyId).toList())
                          .sourceIncludes("vectors"),
                  StoryDocument.class)
              .docs()) {
        if (item.isResult() && item.result().found() && item.result().source() != null) {
          StoryVectors known = item.result().source().vectors();
          if (known != null) {
            vectors.put(item.result().id(), known);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the live index's vectors", e);
    }
    return vectors;
  }

  private void send(VersionedBulk bulk) {
    flushIfFailed();
    inFlight.acquireUninterruptibly();
    try {
      senders.execute(
          () -> {
            try {
              bulk.send(elasticsearch);
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  private void flushIfFailed() {
    RuntimeException failed = failure.get();
    if (failed != null) {
      flush();
    }
  }
}
