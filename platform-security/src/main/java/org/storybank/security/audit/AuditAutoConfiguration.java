package org.storybank.security.audit;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.storybank.security.ServiceUnavailable;

/**
 * Every service with a database keeps the audit trail: it migrates the trail's own schema ({@code
 * audit}, its own Flyway history; the services migrate it concurrently under Flyway's lock) and
 * records every change made through its controllers.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class AuditAutoConfiguration {

  @Bean
  AuditTrail auditTrail(
      DataSource dataSource, @Value("${spring.application.name:service}") String service) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas("audit")
        .defaultSchema("audit")
        .table("flyway_schema_history")
        .locations("classpath:db/audit")
        .load()
        .migrate();
    return new AuditTrail(dataSource, service);
  }

  @Bean
  AuditUnavailableAdvice auditUnavailableAdvice() {
    return new AuditUnavailableAdvice();
  }

  /** PostgreSQL unreachable: 503 with {@code Retry-After}, as for any service that is down. */
  @RestControllerAdvice
  static class AuditUnavailableAdvice {

    @ExceptionHandler(AuditUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(AuditUnavailable unavailable) {
      return ServiceUnavailable.answer(unavailable.getMessage());
    }
  }

  @Bean
  WebMvcConfigurer auditedChangesConfigurer(AuditTrail trail, ObjectProvider<AuditOwners> owners) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(
            new AuditedChanges(trail, Optional.ofNullable(owners.getIfAvailable())));
      }
    };
  }
}
