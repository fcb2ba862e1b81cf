package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.query.elasticsearch.ElasticsearchProperties;

@Configuration
class LoopsIndexConfiguration {

  @Bean
  LoopsIndex loopsIndex(ElasticsearchClient client, ElasticsearchProperties properties) {
    LoopsIndex index = new LoopsIndex(client, properties);
    index.createIfMissing();
    return index;
  }
}
