package org.storybank.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every error a service or the gateway answers is problem+json: bad requests name the field or
 * parameter (unknown body fields included), and the container's error path answers the same shape.
 * Before Boot's MVC and error configuration, so that theirs step aside.
 */
@AutoConfiguration(
    after = JacksonAutoConfiguration.class,
    before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestProblemsAutoConfiguration {

  @Bean
  RequestProblems requestProblems() {
    return new RequestProblems();
  }

  @Bean
  ProblemErrorController problemErrorController(ObjectMapper json) {
    return new ProblemErrorController(json);
  }

  @Bean
  DependencyFailures dependencyFailures() {
    return new DependencyFailures();
  }

  @Bean
  StrictJsonBodies strictJsonBodies() {
    return new StrictJsonBodies();
  }

  /** Right after the request id, before security: refused calls run nothing. */
  @Bean
  FilterRegistrationBean<MediaTypeHeaders> mediaTypeHeadersFilter() {
    FilterRegistrationBean<MediaTypeHeaders> registration =
        new FilterRegistrationBean<>(new MediaTypeHeaders());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** Tomcat's own refusals (before any filter) as problem+json too. */
  @Bean
  @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
            });
  }
}
