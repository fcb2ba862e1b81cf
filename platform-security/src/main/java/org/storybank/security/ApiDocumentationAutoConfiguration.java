package org.storybank.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service describes its own endpoints at {@code /v3/api-docs}: bearer tokens for all of them,
 * and the {@link Caller} parameter left out (it comes from the token, not from the request).
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ApiDocumentationAutoConfiguration {

  public static final String BEARER = "bearer-jwt";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  @ConditionalOnMissingBean(OpenAPI.class)
  OpenAPI serviceApi(@Value("${spring.application.name:storybank}") String service) {
    return new OpenAPI()
        .info(new Info().title("Story Bank: " + service).version("1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
