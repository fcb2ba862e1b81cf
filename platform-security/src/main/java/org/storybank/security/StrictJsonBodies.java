package org.storybank.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body field the endpoint does not know answers 400 naming it (a misspelt {@code
 * "confidental"} would otherwise be dropped without a word). Only the converters that read request
 * bodies are replaced by strict copies: the application's own object mapper (events, Kafka records,
 * HTTP clients) stays tolerant of fields added later.
 */
class StrictJsonBodies implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof MappingJackson2HttpMessageConverter tolerant) {
        MappingJackson2HttpMessageConverter strict =
            new MappingJackson2HttpMessageConverter(
                tolerant
                    .getObjectMapper()
                    .copy()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        strict.setSupportedMediaTypes(tolerant.getSupportedMediaTypes());
        converters.set(i, strict);
      }
    }
  }
}
