package org.storybank.infra;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch, Kafka and PostgreSQL for tests in other modules: started once per JVM on first use
 * and stopped when the JVM exits. Local processes by default; Testcontainers when {@code
 * STORYBANK_TEST_INFRA=containers}, which fails the tests when Docker is not available (it never
 * falls back to local processes).
 */
public abstract class TestServers {

  private static final Logger log = LoggerFactory.getLogger(TestServers.class);

  public static final String MODE_ENV = "STORYBANK_TEST_INFRA";
  public static final String POSTGRES_URL_ENV = PostgresDatabase.URL_ENV;
  public static final String POSTGRES_USER_ENV = "STORYBANK_POSTGRES_USER";
  public static final String POSTGRES_PASSWORD_ENV = "STORYBANK_POSTGRES_PASSWORD";

  private static TestServers shared;
  private static RuntimeException sharedStartFailure;

  private final List<String> scratchDatabases = new CopyOnWriteArrayList<>();

  /**
   * The servers of this JVM, started on the first call; a failed start is not retried by later
   * callers.
   */
  public static synchronized TestServers shared() {
    if (shared != null) {
      return shared;
    }
    if (sharedStartFailure != null) {
      throw new InfrastructureException(
          "the shared test servers failed to start earlier in this JVM: "
              + describe(sharedStartFailure),
          sharedStartFailure);
    }
    try {
      shared = startForEnvironment();
      return shared;
    } catch (RuntimeException e) {
      sharedStartFailure = e;
      throw e;
    }
  }

  private static TestServers startForEnvironment() {
    String mode = System.getenv(MODE_ENV);
    if (mode == null || mode.isBlank() || "local".equalsIgnoreCase(mode)) {
      return LocalProcessServers.start();
    }
    if (!"containers".equalsIgnoreCase(mode)) {
      throw new InfrastructureException(
          MODE_ENV + "=" + mode + " is neither 'local' nor 'containers'");
    }
    // asked for containers: tests that need them (a broker restart) must not quietly run, or be
    // skipped, on something else
    Optional<TestServers> containers;
    try {
      containers = ContainerServers.startIfDockerAvailable();
    } catch (LinkageError e) {
      throw new InfrastructureException(
          MODE_ENV
              + "=containers but Testcontainers is not on the test classpath (add org.testcontainers:"
              + "elasticsearch, kafka and postgresql), or unset it to use local processes",
          e);
    }
    return containers.orElseThrow(
        () ->
            new InfrastructureException(
                MODE_ENV
                    + "=containers but no Docker engine answers: start Docker, or unset "
                    + MODE_ENV
                    + " to use local processes"));
  }

  public abstract String elasticsearchUrl();

  /** host:port of the Kafka broker. */
  public abstract String kafkaBootstrapServers();

  /** The local broker, for tests that stop and restart it. */
  public abstract KafkaBroker kafkaBroker();

  /**
   * Whether {@link #kafkaBroker()} is available (it is not when the broker runs in a container).
   */
  public abstract boolean canRestartKafka();

  /** A JDBC URL of the PostgreSQL server's maintenance database. */
  public abstract String postgresServerUrl();

  public abstract String postgresUser();

  public abstract String postgresPassword();

  /** A JDBC URL of a fresh, empty database; it is dropped when the JVM exits. */
  public String newDatabase() {
    String url =
        PostgresDatabase.createScratchDatabase(
            postgresServerUrl(), postgresUser(), postgresPassword());
    scratchDatabases.add(url);
    return url;
  }

  protected void dropScratchDatabases() {
    for (String url : scratchDatabases) {
      try {
        PostgresDatabase.dropDatabase(url, postgresUser(), postgresPassword());
      } catch (RuntimeException e) {
        log.warn("could not drop scratch database {}: {}", url, describe(e));
      }
    }
    scratchDatabases.clear();
  }

  private static String describe(RuntimeException e) {
    return e instanceof InfrastructureException infrastructure
        ? infrastructure.oneLine()
        : String.valueOf(e);
  }
}
