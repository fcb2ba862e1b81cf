package org.storybank.security;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body field the endpoint does not know answers 400 naming it, and so does a null in a
 * list (a misspelt {@code "confidental"} would otherwise be dropped without a word). Only the
 * converters that read request bodies are replaced by strict copies: the application's own object
 * mapper (events, Kafka records, HTTP clients) stays tolerant of fields added later.
 */
class StrictJsonBodies implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof MappingJackson2HttpMessageConverter tolerant) {
        ObjectMapper mapper =
            tolerant
                .getObjectMapper()
                .copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // a null inside a list ([null]) is refused naming its place; commands copied such lists
        // with List.copyOf, which threw (a 500 the fuzzer found)
        for (Class<?> collection : List.of(List.class, Set.class, Collection.class)) {
          mapper
              .configOverride(collection)
              .setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        MappingJackson2HttpMessageConverter strict =
            new MappingJackson2HttpMessageConverter(mapper);
        strict.setSupportedMediaTypes(tolerant.getSupportedMediaTypes());
        converters.set(i, strict);
      }
    }
  }
}
