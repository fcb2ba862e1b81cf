package org.storybank.infra;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The same three servers from Testcontainers, for machines with Docker. Testcontainers is an
 * optional dependency.
 */
final class ContainerServers extends TestServers {

  private static final String ELASTICSEARCH_IMAGE =
      "docker.elastic.co/elasticsearch/elasticsearch:" + ElasticsearchDistribution.VERSION;
  private static final String KAFKA_IMAGE = "apache/kafka:3.9.1";
  private static final String POSTGRES_IMAGE = "postgres:16";

  private final ElasticsearchContainer elasticsearch;
  private final KafkaContainer kafka;
  private final PostgreSQLContainer<?> postgres;

  private ContainerServers(
      ElasticsearchContainer elasticsearch, KafkaContainer kafka, PostgreSQLContainer<?> postgres) {
    this.elasticsearch = elasticsearch;
    this.kafka = kafka;
    this.postgres = postgres;
  }

  /**
   * Empty when Docker is not available; throws a {@link LinkageError} when Testcontainers is not on
   * the classpath.
   */
  static Optional<TestServers> startIfDockerAvailable() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.empty();
    }
    return Optional.of(start());
  }

  private static ContainerServers start() {
    ElasticsearchContainer elasticsearch =
        new ElasticsearchContainer(DockerImageName.parse(ELASTICSEARCH_IMAGE))
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withCertPath("");
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
    PostgreSQLContainer<?> postgres =
        new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
            .withDatabaseName("postgres")
            .withUsername("postgres")
            .withPassword("postgres");
    Startables.deepStart(elasticsearch, kafka, postgres).join();
    ContainerServers servers = new ContainerServers(elasticsearch, kafka, postgres);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(servers::shutDown, "storybank-test-containers-shutdown"));
    return servers;
  }

  private void shutDown() {
    dropScratchDatabases();
    elasticsearch.stop();
    kafka.stop();
    postgres.stop();
  }

  @Override
  public String elasticsearchUrl() {
    return "http://" + elasticsearch.getHttpHostAddress();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public KafkaBroker kafkaBroker() {
    throw new UnsupportedOperationException(
        "the Kafka broker runs in a container and cannot be restarted in place: "
            + "check canRestartKafka() first, or unset "
            + MODE_ENV);
  }

  @Override
  public boolean canRestartKafka() {
    return false;
  }

  @Override
  public String postgresServerUrl() {
    return postgres.getJdbcUrl();
  }

  @Override
  public String postgresUser() {
    return postgres.getUsername();
  }

  @Override
  public String postgresPassword() {
    return postgres.getPassword();
  }
}
