package org.storybank.query.indexing;

import java.nio.charset.StandardCharsets;

/**
 * What can be a document id: Elasticsearch refuses ids over 512 bytes (and a GET whose line is over
 * 4 KB), so a longer one names no document, whoever sent it.
 */
final class DocumentIds {

  static final int MAX_BYTES = 512;

  private DocumentIds() {}

  static boolean possible(String id) {
    return id != null
        && !id.isEmpty()
        && id.length() <= MAX_BYTES
        && id.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
