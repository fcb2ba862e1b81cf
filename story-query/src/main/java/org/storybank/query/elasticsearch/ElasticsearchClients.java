package org.storybank.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way the service and its command-line tools reach Elasticsearch: by URL, with a user and
 * password when the cluster asks for one (an ECK cluster always does; the local node does not).
 */
public final class ElasticsearchClients {

  private ElasticsearchClients() {}

  public static ElasticsearchClient connect(
      String url, String username, String password, ObjectMapper json) {
    return ElasticsearchClient.of(
        cluster -> {
          cluster.host(url).jsonMapper(new JacksonJsonpMapper(json));
          if (username != null && !username.isBlank()) {
            cluster.usernameAndPassword(username, password == null ? "" : password);
          }
          return cluster;
        });
  }
}
