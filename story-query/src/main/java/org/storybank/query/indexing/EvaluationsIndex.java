package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.projection.EvaluationDocument;

/** Every evaluation ever recorded, one document each; a repeated event writes nothing new. */
public class EvaluationsIndex {

  private final ElasticsearchClient elasticsearch;
  private final IndexDefinition definition;

  public EvaluationsIndex(ElasticsearchClient elasticsearch, ElasticsearchProperties properties) {
    this.elasticsearch = elasticsearch;
    this.definition =
        new IndexDefinition(properties.evaluationsIndex(), "/search/evaluations-index.json");
  }

  public String name() {
    return definition.alias();
  }

  public IndexDefinition definition() {
    return definition;
  }

  public void createIfMissing() {
    definition.ensure(elasticsearch);
  }

  /** Writes the evaluations in one request; one already there is left as it is. */
  public void writeAll(Collection<EvaluationDocument> evaluations) {
    VersionedBulk bulk = new VersionedBulk();
    evaluations.forEach(
        evaluation ->
            bulk.add(name(), evaluation.evaluationId(), evaluation.storyVersion(), evaluation));
    bulk.send(elasticsearch);
  }

  public void write(EvaluationDocument evaluation) {
    try {
      elasticsearch.index(
          index ->
              index
                  .index(name())
                  .id(evaluation.evaluationId())
                  .version(evaluation.storyVersion())
                  .versionType(VersionType.External)
                  .document(evaluation));
    } catch (ElasticsearchException e) {
      if (e.status() != 409) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach Elasticsearch to index evaluation " + evaluation.evaluationId(), e);
    }
  }
}
