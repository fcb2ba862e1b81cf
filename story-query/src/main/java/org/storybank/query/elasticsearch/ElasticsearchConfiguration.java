package org.storybank.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ElasticsearchConfiguration {

  @Bean(destroyMethod = "close")
  ElasticsearchClient elasticsearchClient(ElasticsearchProperties properties, ObjectMapper json) {
    return ElasticsearchClient.of(
        cluster -> cluster.host(properties.url()).jsonMapper(new JacksonJsonpMapper(json.copy())));
  }
}
