package org.storybank.infra;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The command line behind {@code ./storybank up/down}: starts Elasticsearch and Kafka as detached
 * processes whose pid files live in a state directory, and stops them again from a later
 * invocation.
 */
public final class LocalInfraCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int PORT_TAKEN = 2;
  static final int NOT_ALL_RUNNING = 3;
  static final int USAGE = 64;

  private static final String USAGE_TEXT =
      """
            usage: local-infra start  --state-dir DIR [--elasticsearch-port 9200] [--kafka-port 9092]
                                      [--postgres-url URL [--postgres-user U] [--postgres-password P]]
                                      [--skip-elasticsearch] [--skip-kafka] [--verbose]
                   local-infra stop   --state-dir DIR [--verbose]
                   local-infra status --state-dir DIR [--verbose]
            Ports default to $STORYBANK_ELASTICSEARCH_PORT / $STORYBANK_KAFKA_PORT, else 9200 / 9092.
            status exits 0 when every server runs, 3 otherwise.""";

  private final PrintStream out;
  private final PrintStream err;

  LocalInfraCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // The exec jar has no SLF4J provider; keep SLF4J's "no providers" warning off the CLI's stderr.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(new LocalInfraCli(System.out, System.err).run(args));
  }

  int run(String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    try {
      CliArguments arguments = CliArguments.parse(Arrays.asList(args));
      if (arguments.flag("help")) {
        out.println(USAGE_TEXT);
        return OK;
      }
      return switch (arguments.command()) {
        case "start" -> start(arguments);
        case "stop" -> stop(arguments.stateDir());
        case "status" -> status(arguments.stateDir());
        case "" ->
            throw new CliArguments.UsageException("a command is required: start, stop or status");
        default ->
            throw new CliArguments.UsageException(
                "unknown command '" + arguments.command() + "': use start, stop or status");
      };
    } catch (CliArguments.UsageException e) {
      err.println(e.getMessage() + " (see --help)");
      return USAGE;
    } catch (InfrastructureException e) {
      err.println(e.oneLine());
      if (verbose) {
        e.printStackTrace(err);
      }
      return e instanceof PortInUseException ? PORT_TAKEN : FAILED;
    } catch (RuntimeException e) {
      err.println(
          "unexpected failure: "
              + String.valueOf(e).replaceAll("\\s+", " ")
              + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return FAILED;
    }
  }

  private int start(CliArguments arguments) {
    Path stateDir = arguments.stateDir();
    Path elasticsearchDir = stateDir.resolve("elasticsearch");
    Path kafkaDir = stateDir.resolve("kafka");
    boolean wantElasticsearch = !arguments.flag("skip-elasticsearch");
    boolean wantKafka = !arguments.flag("skip-kafka");
    int elasticsearchPort =
        arguments.port("elasticsearch-port", ElasticsearchServer.PORT_ENV, 9200);
    int kafkaPort = arguments.port("kafka-port", KafkaBroker.PORT_ENV, 9092);
    if (wantElasticsearch && wantKafka && elasticsearchPort == kafkaPort) {
      throw new CliArguments.UsageException(
          "Elasticsearch and Kafka cannot both use port " + kafkaPort);
    }

    Optional<ElasticsearchServer> runningElasticsearch =
        wantElasticsearch ? ElasticsearchServer.running(elasticsearchDir) : Optional.empty();
    Optional<KafkaBroker> runningKafka =
        wantKafka ? KafkaBroker.running(kafkaDir) : Optional.empty();
    if (wantElasticsearch && runningElasticsearch.isEmpty()) {
      Ports.requireFree(elasticsearchPort, "Elasticsearch", ElasticsearchServer.PORT_ENV);
    }
    if (wantKafka && runningKafka.isEmpty()) {
      Ports.requireFree(kafkaPort, "Kafka", KafkaBroker.PORT_ENV);
    }
    arguments.option("postgres-url").ifPresent(url -> ensureDatabase(arguments, url));

    long startedAt = System.nanoTime();
    CompletableFuture<Optional<ElasticsearchServer>> elasticsearch =
        wantElasticsearch && runningElasticsearch.isEmpty()
            ? startAsync(() -> ElasticsearchServer.start(elasticsearchDir, elasticsearchPort))
            : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<Optional<KafkaBroker>> kafka =
        wantKafka && runningKafka.isEmpty()
            ? startAsync(() -> KafkaBroker.start(kafkaDir, kafkaPort))
            : CompletableFuture.completedFuture(Optional.empty());
    try {
      CompletableFuture.allOf(elasticsearch, kafka).join();
    } catch (CompletionException e) {
      // Leave nothing half up: stop whichever server did start in this invocation.
      elasticsearch
          .exceptionally(ignored -> Optional.empty())
          .join()
          .ifPresent(ElasticsearchServer::stop);
      kafka.exceptionally(ignored -> Optional.empty()).join().ifPresent(KafkaBroker::stop);
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    String took = "in " + seconds(Duration.ofNanos(System.nanoTime() - startedAt));
    runningElasticsearch.ifPresent(
        server ->
            out.println(
                "elasticsearch: already running at "
                    + server.url()
                    + " (pid "
                    + server.pid()
                    + "), reusing it"));
    elasticsearch
        .join()
        .ifPresent(
            server ->
                out.println(
                    "elasticsearch: started at "
                        + server.url()
                        + " (pid "
                        + server.pid()
                        + ") "
                        + took));
    runningKafka.ifPresent(
        broker ->
            out.println(
                "kafka: already running at "
                    + broker.bootstrapServers()
                    + " (pid "
                    + broker.pid()
                    + "), reusing it"));
    kafka
        .join()
        .ifPresent(
            broker ->
                out.println(
                    "kafka: started at "
                        + broker.bootstrapServers()
                        + " (pid "
                        + broker.pid()
                        + ") "
                        + took));
    return OK;
  }

  private static <T> CompletableFuture<Optional<T>> startAsync(Supplier<T> start) {
    return CompletableFuture.supplyAsync(() -> Optional.of(start.get()));
  }

  private void ensureDatabase(CliArguments arguments, String url) {
    String user = arguments.option("postgres-user").orElse("postgres");
    PostgresDatabase.ensureDatabase(url, user, arguments.option("postgres-password").orElse(""));
    out.println("postgres: database ready at " + url + " (user " + user + ")");
  }

  private int stop(Path stateDir) {
    ElasticsearchServer.running(stateDir.resolve("elasticsearch"))
        .ifPresentOrElse(
            server -> {
              server.stop();
              out.println(
                  "elasticsearch: stopped (pid " + server.pid() + ", " + server.url() + ")");
            },
            () -> out.println("elasticsearch: not running"));
    KafkaBroker.running(stateDir.resolve("kafka"))
        .ifPresentOrElse(
            broker -> {
              broker.stop();
              out.println(
                  "kafka: stopped (pid " + broker.pid() + ", " + broker.bootstrapServers() + ")");
            },
            () -> out.println("kafka: not running"));
    return OK;
  }

  private int status(Path stateDir) {
    Optional<ElasticsearchServer> elasticsearch =
        ElasticsearchServer.running(stateDir.resolve("elasticsearch"));
    Optional<KafkaBroker> kafka = KafkaBroker.running(stateDir.resolve("kafka"));
    out.println(
        elasticsearch
            .map(
                server ->
                    "elasticsearch: running at " + server.url() + " (pid " + server.pid() + ")")
            .orElse("elasticsearch: not running"));
    out.println(
        kafka
            .map(
                broker ->
                    "kafka: running at "
                        + broker.bootstrapServers()
                        + " (pid "
                        + broker.pid()
                        + ")")
            .orElse("kafka: not running"));
    return elasticsearch.isPresent() && kafka.isPresent() ? OK : NOT_ALL_RUNNING;
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
