package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index reached through an alias. The concrete index is named after the alias and a hash of its
 * settings and mapping, so a changed mapping means a new index, filled by a rebuild and then
 * swapped in under the alias while searches keep using the old one.
 */
public final class IndexDefinition {

  private static final Logger log = LoggerFactory.getLogger(IndexDefinition.class);
  private static final String DEFAULT_REFRESH_INTERVAL = "1s";

  private final String alias;
  private final byte[] body;
  private final String mappingHash;

  public IndexDefinition(String alias, String resource) {
    this.alias = alias;
    try (InputStream in = IndexDefinition.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no index definition " + resource + " on the classpath");
      }
      this.body = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.mappingHash = sha256(body).substring(0, 10);
  }

  public String alias() {
    return alias;
  }

  /** How often the index makes new writes searchable, as its settings say (else the default). */
  public String refreshInterval() {
    try {
      JsonNode settings = new ObjectMapper().readTree(body).path("settings");
      JsonNode interval = settings.path("refresh_interval");
      if (interval.isMissingNode()) {
        interval = settings.path("index").path("refresh_interval");
      }
      return interval.isMissingNode() ? DEFAULT_REFRESH_INTERVAL : interval.asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The concrete index this definition builds when nothing else is asked for. */
  public String currentIndex() {
    return alias + "-" + mappingHash;
  }

  /**
   * Makes sure the alias exists and points to an index with this mapping; creates it (empty) when
   * the alias is missing. Returns the concrete index the alias points to.
   */
  public String ensure(ElasticsearchClient elasticsearch) {
    Optional<String> pointed = target(elasticsearch);
    if (pointed.isPresent()) {
      if (!pointed.get().equals(currentIndex())) {
        log.warn(
            "{} points to {}, built with another mapping than this version's {}; run `./storybank reindex` to rebuild it",
            alias,
            pointed.get(),
            currentIndex());
      }
      return pointed.get();
    }
    create(elasticsearch, currentIndex(), true);
    return currentIndex();
  }

  /** Creates a concrete index with this mapping, optionally already under the alias. */
  public void create(ElasticsearchClient elasticsearch, String index, boolean underAlias) {
    try {
      elasticsearch
          .indices()
          .create(
              create -> {
                create.index(index).withJson(new ByteArrayInputStream(body));
                if (underAlias) {
                  create.aliases(alias, a -> a.isWriteIndex(true));
                }
                return create;
              });
      log.info("created index {}{}", index, underAlias ? " under alias " + alias : "");
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to create index " + index, e);
    }
  }

  /**
   * Deletes indexes an earlier rebuild of this mapping created but never put under the alias (it
   * was interrupted), so that a new run starts clean.
   */
  public void deleteUnaliasedRebuilds(ElasticsearchClient elasticsearch) {
    try {
      Optional<String> live = target(elasticsearch);
      for (String index :
          elasticsearch.indices().get(get -> get.index(currentIndex() + "-*")).indices().keySet()) {
        if (live.map(index::equals).orElse(false)) {
          continue;
        }
        elasticsearch.indices().delete(delete -> delete.index(index));
        log.info("deleted {}, left behind by an interrupted rebuild", index);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to clean up " + alias, e);
    }
  }

  /** The concrete index behind the alias, if the alias exists. */
  public Optional<String> target(ElasticsearchClient elasticsearch) {
    try {
      if (!elasticsearch.indices().existsAlias(exists -> exists.name(alias)).value()) {
        if (elasticsearch.indices().exists(exists -> exists.index(alias)).value()) {
          throw new IllegalStateException(
              alias
                  + " is a concrete index from an earlier version, not an alias; delete it and run"
                  + " `./storybank reindex`");
        }
        return Optional.empty();
      }
      return elasticsearch.indices().getAlias(get -> get.name(alias)).aliases().keySet().stream()
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to look up " + alias, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
