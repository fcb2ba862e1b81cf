package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents written in one bulk request, each under external versioning as a single write would be:
 * an item the index already holds at this or a later version (409) is a repeat and passes; any
 * other refused item fails the whole write as Elasticsearch's own exception, its status kept, so
 * that the consumer's error handling tells a passing refusal (429, 503) from a lasting one. The
 * live projection and the rebuild's {@code BulkWriter} both write through it.
 */
public final class VersionedBulk {

  private final List<BulkOperation> operations = new ArrayList<>();

  public VersionedBulk add(String index, String id, long version, Object document) {
    operations.add(
        BulkOperation.of(
            operation ->
                operation.index(
                    write ->
                        write
                            .index(index)
                            .id(id)
                            .version(version)
                            .versionType(VersionType.External)
                            .document(document))));
    return this;
  }

  /** Sends the writes; how many were new (not repeats). */
  public int send(ElasticsearchClient elasticsearch) {
    if (operations.isEmpty()) {
      return 0;
    }
    BulkResponse response;
    try {
      response = elasticsearch.bulk(bulk -> bulk.operations(operations));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to write in bulk", e);
    }
    int written = 0;
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        written++;
      } else if (item.status() != 409) {
        throw refused(item);
      }
    }
    return written;
  }

  private static ElasticsearchException refused(BulkResponseItem item) {
    return new ElasticsearchException(
        "bulk", ErrorResponse.of(error -> error.error(item.error()).status(item.status())));
  }
}
