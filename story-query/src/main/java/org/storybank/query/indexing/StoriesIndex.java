package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.projection.StoryDocument;

/** Creates the stories index with its mapping and writes documents under external versioning. */
@Component
public class StoriesIndex {

  private static final Logger log = LoggerFactory.getLogger(StoriesIndex.class);

  private final ElasticsearchClient elasticsearch;
  private final String name;

  public StoriesIndex(ElasticsearchClient elasticsearch, ElasticsearchProperties properties) {
    this.elasticsearch = elasticsearch;
    this.name = properties.storiesIndex();
  }

  public String name() {
    return name;
  }

  public void createIfMissing() {
    try {
      if (elasticsearch.indices().exists(exists -> exists.index(name)).value()) {
        return;
      }
      elasticsearch
          .indices()
          .create(
              create ->
                  create
                      .index(name)
                      .settings(settings -> settings.numberOfShards("1").numberOfReplicas("0"))
                      .mappings(
                          mapping ->
                              mapping
                                  .dynamic(
                                      co.elastic.clients.elasticsearch._types.mapping.DynamicMapping
                                          .Strict)
                                  .properties("storyId", p -> p.keyword(k -> k))
                                  .properties("authorId", p -> p.keyword(k -> k))
                                  .properties("cohortId", p -> p.keyword(k -> k))
                                  .properties("title", p -> p.text(t -> t))
                                  .properties("principles", p -> p.keyword(k -> k))
                                  .properties(
                                      "prompts",
                                      p ->
                                          p.object(
                                              o ->
                                                  o.properties("promptId", k -> k.keyword(kw -> kw))
                                                      .properties("text", t -> t.text(tx -> tx))
                                                      .properties("angle", t -> t.text(tx -> tx))))
                                  .properties("level", p -> p.keyword(k -> k))
                                  .properties("situation", p -> p.text(t -> t))
                                  .properties("task", p -> p.text(t -> t))
                                  .properties("action", p -> p.text(t -> t))
                                  .properties("result", p -> p.text(t -> t))
                                  .properties("status", p -> p.keyword(k -> k))
                                  .properties("version", p -> p.long_(l -> l))
                                  .properties("revision", p -> p.integer(i -> i))
                                  .properties("createdAt", p -> p.date(d -> d))
                                  .properties("updatedAt", p -> p.date(d -> d))));
      log.info("created index {}", name);
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to create index " + name, e);
    }
  }

  public java.util.Optional<StoryDocument> get(String storyId) {
    try {
      return java.util.Optional.ofNullable(
          elasticsearch.get(get -> get.index(name).id(storyId), StoryDocument.class).source());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to read story " + storyId, e);
    }
  }

  /** Every story of one author (a candidate's bank holds far fewer than the page size). */
  public java.util.List<StoryDocument> storiesOf(String authorId) {
    try {
      return elasticsearch
          .search(
              search ->
                  search
                      .index(name)
                      .size(10_000)
                      .query(q -> q.term(t -> t.field("authorId").value(authorId))),
              StoryDocument.class)
          .hits()
          .hits()
          .stream()
          .map(co.elastic.clients.elasticsearch.core.search.Hit::source)
          .filter(java.util.Objects::nonNull)
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
      elasticsearch.index(
          index ->
              index
                  .index(name)
                  .id(document.storyId())
                  .version(document.version())
                  .versionType(VersionType.ExternalGte)
                  .document(document));
      return true;
    } catch (ElasticsearchException e) {
      if (e.status() == 409) {
        return false;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach Elasticsearch to index story " + document.storyId(), e);
    }
  }

  /** Writes the document unless the index already holds this or a later version of it. */
  public void write(StoryDocument document) {
    try {
      elasticsearch.index(
          index ->
              index
                  .index(name)
                  .id(document.storyId())
                  .version(document.version())
                  .versionType(VersionType.External)
                  .document(document));
    } catch (ElasticsearchException e) {
      if (e.status() == 409) {
        log.debug(
            "story {} already at version {} or later", document.storyId(), document.version());
        return;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach Elasticsearch to index story " + document.storyId(), e);
    }
  }
}
