package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Collection;
import java.util.List;
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
    writeAll(List.of(evaluation));
  }
}
