package org.storybank.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch and Kafka as local processes in a temporary directory; PostgreSQL from the
 * environment.
 */
final class LocalProcessServers extends TestServers {

  private static final Logger log = LoggerFactory.getLogger(LocalProcessServers.class);
  private static final String DIR_PREFIX = "storybank-test-";
  private static final String OWNER_PID_FILE = "owner.pid";

  private final Path baseDir;
  private final ElasticsearchServer elasticsearch;
  private final KafkaBroker kafka;
  private final String postgresServerUrl =
      Environment.get(POSTGRES_URL_ENV, "jdbc:postgresql://127.0.0.1:5432/postgres");
  private final String postgresUser = Environment.get(POSTGRES_USER_ENV, "postgres");
  private final String postgresPassword = Environment.get(POSTGRES_PASSWORD_ENV, "");

  private LocalProcessServers(Path baseDir, ElasticsearchServer elasticsearch, KafkaBroker kafka) {
    this.baseDir = baseDir;
    this.elasticsearch = elasticsearch;
    this.kafka = kafka;
  }

  static LocalProcessServers start() {
    Path baseDir = createBaseDir();
    // Elasticsearch and Kafka start in parallel: both mostly wait on their own JVM warming up.
    CompletableFuture<ElasticsearchServer> elasticsearch =
        CompletableFuture.supplyAsync(
            () -> ElasticsearchServer.start(baseDir.resolve("elasticsearch"), Ports.free()));
    CompletableFuture<KafkaBroker> kafka =
        CompletableFuture.supplyAsync(
            () -> KafkaBroker.start(baseDir.resolve("kafka"), Ports.free()));
    try {
      LocalProcessServers servers =
          new LocalProcessServers(baseDir, elasticsearch.join(), kafka.join());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(servers::shutDown, "storybank-test-servers-shutdown"));
      return servers;
    } catch (CompletionException e) {
      elasticsearch.thenAccept(ElasticsearchServer::stop).exceptionally(ignored -> null).join();
      kafka.thenAccept(KafkaBroker::stop).exceptionally(ignored -> null).join();
      ElasticsearchDistribution.deleteRecursively(baseDir);
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Under /var/tmp when root, because Elasticsearch then runs as another user and /tmp dirs may be
   * private.
   */
  private static Path createBaseDir() {
    try {
      Path parent =
          ServiceUser.callerIsRoot()
              ? Path.of("/var/tmp")
              : Path.of(System.getProperty("java.io.tmpdir"));
      stopLeftoversOfDeadJvms(parent);
      Path dir = Files.createTempDirectory(parent, DIR_PREFIX);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Processes.writePid(dir.resolve(OWNER_PID_FILE), ProcessHandle.current().pid());
      return dir;
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot create a temporary directory for test servers ("
              + e.getMessage()
              + "): check free space and permissions of /var/tmp",
          e);
    }
  }

  /**
   * A test JVM killed with SIGKILL runs no shutdown hook; the next one stops the servers it left
   * behind.
   */
  private static void stopLeftoversOfDeadJvms(Path parent) {
    try (Stream<Path> dirs = Files.list(parent)) {
      dirs.filter(dir -> dir.getFileName().toString().startsWith(DIR_PREFIX))
          .filter(
              dir ->
                  Processes.readPid(dir.resolve(OWNER_PID_FILE))
                      .filter(pid -> !Processes.isAlive(pid))
                      .isPresent())
          .forEach(
              dir -> {
                log.info("stopping test servers left behind in {} by a JVM that is gone", dir);
                ElasticsearchServer.stop(dir.resolve("elasticsearch"));
                KafkaBroker.stop(dir.resolve("kafka"));
                ElasticsearchDistribution.deleteRecursively(dir);
              });
    } catch (IOException | RuntimeException e) {
      log.warn("could not check {} for test servers left behind: {}", parent, e.toString());
    }
  }

  private void shutDown() {
    dropScratchDatabases();
    CompletableFuture<Void> stopElasticsearch = CompletableFuture.runAsync(elasticsearch::stop);
    CompletableFuture<Void> stopKafka = CompletableFuture.runAsync(kafka::stop);
    try {
      CompletableFuture.allOf(stopElasticsearch, stopKafka).join();
    } catch (CompletionException e) {
      log.warn("stopping test servers failed", e.getCause());
    }
    ElasticsearchDistribution.deleteRecursively(baseDir);
  }

  @Override
  public String elasticsearchUrl() {
    return elasticsearch.url();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public KafkaBroker kafkaBroker() {
    return kafka;
  }

  @Override
  public boolean canRestartKafka() {
    return true;
  }

  @Override
  public String postgresServerUrl() {
    return postgresServerUrl;
  }

  @Override
  public String postgresUser() {
    return postgresUser;
  }

  @Override
  public String postgresPassword() {
    return postgresPassword;
  }
}
