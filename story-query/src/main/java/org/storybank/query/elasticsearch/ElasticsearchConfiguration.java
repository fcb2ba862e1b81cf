package org.storybank.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ElasticsearchConfiguration {

  @Bean(destroyMethod = "close")
  ElasticsearchClient elasticsearchClient(
      ElasticsearchProperties properties,
      ObjectMapper json,
      @Value("${storybank.elasticsearch-credentials.username:}") String username,
      @Value("${storybank.elasticsearch-credentials.password:}") String password) {
    return ElasticsearchClients.connect(properties.url(), username, password, json.copy());
  }
}
