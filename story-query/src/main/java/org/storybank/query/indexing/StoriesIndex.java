package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.projection.StoryDocument;

/**
 * The stories index, reached through its alias, written under external versioning: the aggregate
 * sequence number is the document version, so a replayed or late event never overwrites a newer
 * state.
 */
public class StoriesIndex {

  private final ElasticsearchClient elasticsearch;
  private final IndexDefinition definition;

  public StoriesIndex(ElasticsearchClient elasticsearch, ElasticsearchProperties properties) {
    this.elasticsearch = elasticsearch;
    this.definition = new IndexDefinition(properties.storiesIndex(), "/search/stories-index.json");
  }

  /** The alias searches and writes go through. */
  public String name() {
    return definition.alias();
  }

  public IndexDefinition definition() {
    return definition;
  }

  public void createIfMissing() {
    definition.ensure(elasticsearch);
  }

  public Optional<StoryDocument> get(String storyId) {
    if (!DocumentIds.possible(storyId)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          elasticsearch.get(get -> get.index(name()).id(storyId), StoryDocument.class).source());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to read story " + storyId, e);
    }
  }

  /** The documents of these stories the index holds, by story id, in one round trip. */
  public Map<String, StoryDocument> getAll(Collection<String> storyIds) {
    List<String> possible = storyIds.stream().filter(DocumentIds::possible).distinct().toList();
    if (possible.isEmpty()) {
      return Map.of();
    }
    try {
      Map<String, StoryDocument> found = new HashMap<>();
      elasticsearch
          .mget(get -> get.index(name()).ids(possible), StoryDocument.class)
          .docs()
          .forEach(
              doc -> {
                if (doc.isResult() && doc.result().source() != null) {
                  found.put(doc.result().id(), doc.result().source());
                } else if (doc.isFailure()) {
                  // a shard that cannot answer yet: passing, like a search's 503
                  throw new ElasticsearchException(
                      "mget",
                      ErrorResponse.of(error -> error.error(doc.failure().error()).status(503)));
                }
              });
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to read stories", e);
    }
  }

  /**
   * Writes the documents in one request, each unless the index already holds its version or a later
   * one.
   */
  public void writeAll(Collection<StoryDocument> documents) {
    VersionedBulk bulk = new VersionedBulk();
    documents.forEach(
        document -> bulk.add(name(), document.storyId(), document.version(), document));
    bulk.send(elasticsearch);
  }

  /** Makes every write acknowledged so far visible to searches such as {@link #storiesOf}. */
  public void refresh() {
    try {
      elasticsearch.indices().refresh(refresh -> refresh.index(name()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to refresh " + name(), e);
    }
  }

  /** Every story of one author (a candidate's bank holds far fewer than the page size). */
  public List<StoryDocument> storiesOf(String authorId) {
    try {
      return elasticsearch
          .search(
              search ->
                  search
                      .index(name())
                      .size(10_000)
                      .query(q -> q.term(t -> t.field("authorId").value(authorId))),
              StoryDocument.class)
          .hits()
          .hits()
          .stream()
          .map(Hit::source)
          .filter(Objects::nonNull)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach Elasticsearch to list stories of " + authorId, e);
    }
  }

  /**
   * Writes a document again at the version it already has (a change that is not a story event, such
   * as its author changing cohort). False when a story event wrote a newer version meanwhile.
   */
  public boolean rewrite(StoryDocument document) {
    try {
      index(document, VersionType.ExternalGte);
      return true;
    } catch (ElasticsearchException e) {
      if (e.status() == 409) {
        return false;
      }
      throw e;
    }
  }

  /** Writes the document unless the index already holds this or a later version of it. */
  public void write(StoryDocument document) {
    writeAll(List.of(document));
  }

  private void index(StoryDocument document, VersionType versionType) {
    try {
      elasticsearch.index(
          index ->
              index
                  .index(name())
                  .id(document.storyId())
                  .version(document.version())
                  .versionType(versionType)
                  .document(document));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach Elasticsearch to index story " + document.storyId(), e);
    }
  }
}
