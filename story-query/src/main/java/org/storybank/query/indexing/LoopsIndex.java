package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.projection.LoopDocument;

/**
 * The loops index (alias: the stories alias with {@code -loops}), one document per loop, written
 * under external versioning by the loop's sequence number, so a replayed or late event changes
 * nothing. Cancelled loops stay in it, marked, and are never read back.
 */
public class LoopsIndex {

  private final ElasticsearchClient elasticsearch;
  private final IndexDefinition definition;

  public LoopsIndex(ElasticsearchClient elasticsearch, ElasticsearchProperties properties) {
    this.elasticsearch = elasticsearch;
    this.definition =
        new IndexDefinition(properties.storiesIndex() + "-loops", "/search/loops-index.json");
  }

  public IndexDefinition definition() {
    return definition;
  }

  public void createIfMissing() {
    definition.ensure(elasticsearch);
  }

  /** The loop as last written, cancelled or not (the projection needs both). */
  public Optional<LoopDocument> get(String loopId) {
    if (!DocumentIds.possible(loopId)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          elasticsearch
              .get(get -> get.index(definition.alias()).id(loopId), LoopDocument.class)
              .source());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to read loop " + loopId, e);
    }
  }

  /** A loop that is still on. */
  public Optional<LoopDocument> live(String loopId) {
    return get(loopId).filter(loop -> !loop.cancelled());
  }

  /** Writes the document unless the index holds this or a later version of it. */
  public void write(LoopDocument document) {
    try {
      elasticsearch.index(
          index ->
              index
                  .index(definition.alias())
                  .id(document.loopId())
                  .version(document.version())
                  .versionType(VersionType.External)
                  // loops are written rarely and read at once (a plan right after saving): visible
                  // on write, so that no read has to force a refresh
                  .refresh(Refresh.True)
                  .document(document));
    } catch (ElasticsearchException e) {
      if (e.status() != 409) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach Elasticsearch to index loop " + document.loopId(), e);
    }
  }

  /** The live loops of these candidates, soonest first. */
  public List<LoopDocument> loopsOf(List<String> candidateIds) {
    if (candidateIds.isEmpty()) {
      return List.of();
    }
    return search(
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(
                                f ->
                                    f.terms(
                                        t ->
                                            t.field("candidateId")
                                                .terms(
                                                    v ->
                                                        v.value(
                                                            candidateIds.stream()
                                                                .map(FieldValue::of)
                                                                .toList()))))
                            .mustNot(m -> m.term(t -> t.field("cancelled").value(true))))));
  }

  /** The candidate's other live loops at this company (any spelling of its name). */
  public List<LoopDocument> atCompany(String candidateId, String company) {
    return search(
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("candidateId").value(candidateId)))
                            .filter(
                                f ->
                                    f.term(
                                        t ->
                                            t.field("companyKey")
                                                .value(LoopDocument.companyKey(company))))
                            .mustNot(m -> m.term(t -> t.field("cancelled").value(true))))));
  }

  private List<LoopDocument> search(Query query) {
    try {
      return elasticsearch
          .search(
              search ->
                  search
                      .index(definition.alias())
                      .size(1_000)
                      .query(query)
                      .sort(s -> s.field(f -> f.field("date")))
                      .sort(s -> s.field(f -> f.field("loopId"))),
              LoopDocument.class)
          .hits()
          .hits()
          .stream()
          .map(Hit::source)
          .filter(Objects::nonNull)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to list loops", e);
    }
  }
}
