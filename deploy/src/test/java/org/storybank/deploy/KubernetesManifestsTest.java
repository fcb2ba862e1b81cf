package org.storybank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No cluster here: the manifests are rendered with {@code kubectl kustomize} as a cluster would
 * receive them and checked for what a deployment gets wrong: a variable a service needs left unset
 * or a setting it never reads, ports and probes that miss the service, a container that runs as
 * root or without limits, a Deployment without a disruption budget, production with a single
 * instance, a service reachable from more than its callers, a topic the services use and no
 * KafkaTopic declares.
 */
class KubernetesManifestsTest {

  private static final Map<String, List<Map<String, Object>>> RENDERED = new HashMap<>();

  /** Secrets made by the operators, and those the README tells you to create. */
  private static final Set<String> SECRETS_MADE_ELSEWHERE =
      Set.of(
          "storybank-db-app",
          "storybank-es-elastic-user",
          "storybank-admin",
          "storybank-signing-keys",
          "storybank-tls");

  /** Services the operators create for the clusters they run. */
  private static final Set<String> SERVICES_MADE_BY_OPERATORS =
      Set.of("storybank-db-rw", "storybank-kafka-bootstrap", "storybank-es-http");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyObjectIsAKubernetesObjectInTheOverlaysNamespace(String overlay) {
    List<Map<String, Object>> objects = render(overlay);
    String namespace = overlay.equals("dev") ? "storybank-dev" : "storybank";
    assertThat(objects).hasSizeGreaterThan(30);
    for (Map<String, Object> object : objects) {
      assertThat(text(object, "apiVersion")).as("apiVersion of %s", object).isNotBlank();
      assertThat(text(object, "kind")).as("kind of %s", object).isNotBlank();
      assertThat(text(object, "metadata.name")).as("name of %s", object).isNotBlank();
      if (!text(object, "kind").equals("Namespace")) {
        assertThat(text(object, "metadata.namespace"))
            .as("namespace of %s %s", text(object, "kind"), text(object, "metadata.name"))
            .isEqualTo(namespace);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void eachServiceIsGivenWhatItReadsAndNothingElse(String overlay) {
    for (String service : ServiceSettings.SERVICES) {
      Map<String, String> given = environmentOf(overlay, service);
      Set<String> read = ServiceSettings.variablesReadBy(service).keySet();
      Set<String> storybankVariables = new TreeSet<>(given.keySet());
      storybankVariables.removeIf(name -> !name.startsWith("STORYBANK_"));
      assertThat(read)
          .as("variables %s is given in %s that it never reads", service, overlay)
          .containsAll(storybankVariables);
      assertThat(given.keySet())
          .as("variables %s needs (no default, or one pointing at this machine)", service)
          .containsAll(ServiceSettings.mustBeGiven(service));
      given.forEach(
          (variable, value) ->
              assertThat(value)
                  .as("%s of %s", variable, service)
                  .doesNotContain("127.0.0.1")
                  .doesNotContain("localhost"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void urlsPointAtServicesThatExist(String overlay) {
    Set<String> services = new TreeSet<>(SERVICES_MADE_BY_OPERATORS);
    of(overlay, "Service").forEach(service -> services.add(text(service, "metadata.name")));
    Pattern host = Pattern.compile("^(?:[a-z]+:(?:postgresql:)?//)?([a-z][a-z0-9-]*):\\d+");
    for (String service : ServiceSettings.SERVICES) {
      environmentOf(overlay, service)
          .forEach(
              (variable, value) -> {
                Matcher matcher = host.matcher(value);
                if (matcher.find()) {
                  assertThat(services)
                      .as("%s of %s points at %s", variable, service, value)
                      .contains(matcher.group(1));
                }
              });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void secretsAndConfigMapsReferencedExist(String overlay) {
    Set<String> configMaps = names(overlay, "ConfigMap");
    Set<String> secrets = names(overlay, "Secret");
    secrets.addAll(SECRETS_MADE_ELSEWHERE);
    for (Map<String, Object> container : containers(overlay)) {
      for (Object from : list(container, "envFrom")) {
        assertThat(configMaps).contains(text(from, "configMapRef.name"));
      }
      for (Object variable : list(container, "env")) {
        String secret = text(variable, "valueFrom.secretKeyRef.name");
        if (!secret.isEmpty()) {
          assertThat(secrets).as("secret of %s", text(variable, "name")).contains(secret);
        }
      }
    }
    if (overlay.equals("dev")) {
      assertThat(names(overlay, "Secret"))
          .as("dev brings its first admin")
          .contains("storybank-admin");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void portsAndProbesMatchTheServices(String overlay) {
    for (String service : ServiceSettings.SERVICES) {
      Map<String, Object> container = containerOf(overlay, service);
      String port = environmentOf(overlay, service).get(ServiceSettings.PORT_VARIABLE.get(service));
      assertThat(text(list(container, "ports").get(0), "containerPort")).isEqualTo(port);
      assertThat(text(list(container, "ports").get(0), "name")).isEqualTo("http");
      assertThat(text(container, "startupProbe.httpGet.path"))
          .isEqualTo("/actuator/health/liveness");
      assertThat(text(container, "livenessProbe.httpGet.path"))
          .isEqualTo("/actuator/health/liveness");
      assertThat(text(container, "readinessProbe.httpGet.path"))
          .isEqualTo("/actuator/health/readiness");
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        assertThat(text(container, probe + ".httpGet.port")).isEqualTo("http");
      }
      Map<String, Object> serviceObject = named(overlay, "Service", service);
      assertThat(text(list(serviceObject, "spec.ports").get(0), "port")).isEqualTo(port);
      assertThat(text(list(serviceObject, "spec.ports").get(0), "targetPort")).isEqualTo("http");
      String readiness = readinessGroupOf(service);
      assertThat(readiness)
          .as("%s has a readiness group with its dependencies", service)
          .contains("readinessState")
          .contains("kafkaConsumers");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void containersRunAsNonRootReadOnlyAndWithinLimits(String overlay) {
    for (Map<String, Object> deployment : of(overlay, "Deployment")) {
      String name = text(deployment, "metadata.name");
      assertThat(text(deployment, "spec.template.spec.securityContext.runAsNonRoot"))
          .as("%s runs as non-root", name)
          .isEqualTo("true");
      for (Object container : list(deployment, "spec.template.spec.containers")) {
        assertThat(text(container, "securityContext.readOnlyRootFilesystem")).isEqualTo("true");
        assertThat(text(container, "securityContext.allowPrivilegeEscalation")).isEqualTo("false");
        assertThat(text(container, "securityContext.capabilities.drop")).contains("ALL");
        for (String bound : List.of("requests", "limits")) {
          assertThat(text(container, "resources." + bound + ".cpu"))
              .as("%s cpu %s", name, bound)
              .isNotBlank();
          assertThat(text(container, "resources." + bound + ".memory"))
              .as("%s memory %s", name, bound)
              .isNotBlank();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyDeploymentHasADisruptionBudgetAndANetworkPolicy(String overlay) {
    for (Map<String, Object> deployment : of(overlay, "Deployment")) {
      Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
      assertThat(of(overlay, "PodDisruptionBudget"))
          .as("a PodDisruptionBudget selects %s", text(deployment, "metadata.name"))
          .anyMatch(pdb -> selects(map(pdb, "spec.selector.matchLabels"), labels));
      assertThat(of(overlay, "NetworkPolicy"))
          .as("a NetworkPolicy lets callers reach %s", text(deployment, "metadata.name"))
          .anyMatch(
              policy ->
                  selects(map(policy, "spec.podSelector.matchLabels"), labels)
                      && !list(policy, "spec.ingress").isEmpty());
      assertThat(of(overlay, "NetworkPolicy"))
          .as("everything else is refused for %s", text(deployment, "metadata.name"))
          .anyMatch(
              policy ->
                  selects(map(policy, "spec.podSelector.matchLabels"), labels)
                      && list(policy, "spec.ingress").isEmpty()
                      && text(policy, "spec.policyTypes").contains("Ingress"));
    }
  }

  @Test
  void onlyTheGatewayIsReachableFromOutside() {
    for (Map<String, Object> ingress : of("production", "Ingress")) {
      assertThat(text(ingress, "spec.tls")).as("the ingress has TLS").isNotBlank();
      for (Object rule : list(ingress, "spec.rules")) {
        for (Object path : list(rule, "http.paths")) {
          assertThat(text(path, "backend.service.name")).isEqualTo("web-gateway");
        }
      }
    }
    for (Map<String, Object> service : of("production", "Service")) {
      assertThat(text(service, "spec.type")).isIn("", "ClusterIP");
    }
  }

  @Test
  void productionRunsTwoOrMoreOfEverythingAndThreeOfEachEngine() {
    for (Map<String, Object> deployment : of("production", "Deployment")) {
      String name = text(deployment, "metadata.name");
      assertThat(Integer.parseInt(text(deployment, "spec.replicas"))).as(name).isGreaterThan(1);
      assertThat(of("production", "HorizontalPodAutoscaler"))
          .as("an autoscaler for %s", name)
          .anyMatch(
              hpa ->
                  text(hpa, "spec.scaleTargetRef.name").equals(name)
                      && Integer.parseInt(text(hpa, "spec.minReplicas")) >= 2);
    }
    assertThat(text(named("production", "Cluster", "storybank-db"), "spec.instances"))
        .isEqualTo("3");
    Map<String, Object> pool = named("production", "KafkaNodePool", "dual-role");
    assertThat(text(pool, "spec.replicas")).isEqualTo("3");
    assertThat(text(pool, "spec.roles")).contains("controller").contains("broker");
    Map<String, Object> kafka = named("production", "Kafka", "storybank");
    assertThat(text(kafka, "metadata.annotations.strimzi.io/kraft")).isEqualTo("enabled");
    assertThat(text(kafka, "spec.kafka.config.min.insync.replicas")).isEqualTo("2");
    assertThat(text(kafka, "spec.kafka.config.default.replication.factor")).isEqualTo("3");
    assertThat(text(named("production", "Elasticsearch", "storybank"), "spec.nodeSets"))
        .contains("count=3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyTopicTheServicesUseIsDeclaredWithItsDeadLetterTopic(String overlay) throws IOException {
    String source =
        Files.readString(
            ServiceSettings.REPOSITORY.resolve(
                "story-api/src/main/java/org/storybank/api/messaging/EventTopics.java"));
    Matcher constant = Pattern.compile("= \"(storybank\\.[a-z.-]+)\"").matcher(source);
    Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
    of(overlay, "KafkaTopic").forEach(topic -> declared.put(text(topic, "spec.topicName"), topic));
    int replicas = overlay.equals("dev") ? 1 : 3;
    int topics = 0;
    while (constant.find()) {
      topics++;
      for (String topic : List.of(constant.group(1), constant.group(1) + ".dlt")) {
        assertThat(declared).as("a KafkaTopic for %s", topic).containsKey(topic);
        assertThat(text(declared.get(topic), "spec.replicas")).isEqualTo(replicas + "");
        assertThat(text(declared.get(topic), "metadata.labels.strimzi.io/cluster"))
            .isEqualTo("storybank");
      }
    }
    assertThat(topics).isGreaterThanOrEqualTo(5);
    assertThat(text(declared.get("storybank.story-events"), "spec.partitions"))
        .as("the story topic's partitions bound how many consumers work")
        .isEqualTo("12");
  }

  // --- rendering and reading -------------------------------------------------------------------

  private static synchronized List<Map<String, Object>> render(String overlay) {
    return RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> kustomize(String overlay) {
    String directory =
        ServiceSettings.REPOSITORY.resolve("deploy/kubernetes/overlays/" + overlay).toString();
    try {
      Process process =
          new ProcessBuilder("kubectl", "kustomize", directory).redirectErrorStream(false).start();
      String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("kubectl kustomize %s: %s", overlay, errors).isZero();
      List<Map<String, Object>> objects = new ArrayList<>();
      for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
        if (document != null) {
          objects.add((Map<String, Object>) document);
        }
      }
      return objects;
    } catch (IOException e) {
      throw new AssertionError(
          "kubectl is needed to render the manifests (Debian: apt-get install kubectl)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<Map<String, Object>> of(String overlay, String kind) {
    return render(overlay).stream().filter(object -> text(object, "kind").equals(kind)).toList();
  }

  private static Set<String> names(String overlay, String kind) {
    Set<String> names = new TreeSet<>();
    of(overlay, kind).forEach(object -> names.add(text(object, "metadata.name")));
    return names;
  }

  private static Map<String, Object> named(String overlay, String kind, String name) {
    return of(overlay, kind).stream()
        .filter(object -> text(object, "metadata.name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + overlay));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(String overlay) {
    List<Map<String, Object>> containers = new ArrayList<>();
    of(overlay, "Deployment")
        .forEach(
            deployment ->
                list(deployment, "spec.template.spec.containers")
                    .forEach(container -> containers.add((Map<String, Object>) container)));
    return containers;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> containerOf(String overlay, String service) {
    return (Map<String, Object>)
        list(named(overlay, "Deployment", service), "spec.template.spec.containers").get(0);
  }

  /** What the service's container is given: its ConfigMaps' keys and its own env entries. */
  private static Map<String, String> environmentOf(String overlay, String service) {
    Map<String, Object> container = containerOf(overlay, service);
    Map<String, String> environment = new LinkedHashMap<>();
    for (Object from : list(container, "envFrom")) {
      map(named(overlay, "ConfigMap", text(from, "configMapRef.name")), "data")
          .forEach((key, value) -> environment.put(key, String.valueOf(value)));
    }
    for (Object variable : list(container, "env")) {
      String value = text(variable, "value");
      environment.put(text(variable, "name"), value.isEmpty() ? "(from a secret)" : value);
    }
    return environment;
  }

  private static String readinessGroupOf(String service) {
    try {
      String yaml =
          Files.readString(
              ServiceSettings.REPOSITORY.resolve(service + "/src/main/resources/application.yml"));
      Matcher include = Pattern.compile("readiness:\\s*\\n\\s*include: ([^\\n]+)").matcher(yaml);
      return include.find() ? include.group(1) : "";
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    return !selector.isEmpty()
        && selector.entrySet().stream()
            .allMatch(
                entry ->
                    String.valueOf(entry.getValue())
                        .equals(String.valueOf(labels.get(entry.getKey()))));
  }

  /** A value by its dotted path; keys that hold dots themselves are matched whole first. */
  @SuppressWarnings("unchecked")
  private static Object at(Object node, String path) {
    if (path.isEmpty() || node == null) {
      return node;
    }
    if (!(node instanceof Map<?, ?> map)) {
      return null;
    }
    for (int end = path.length(); end > 0; end = path.lastIndexOf('.', end - 1)) {
      String key = path.substring(0, end);
      if (map.containsKey(key)) {
        Object found =
            at(
                ((Map<String, Object>) map).get(key),
                end == path.length() ? "" : path.substring(end + 1));
        if (found != null) {
          return found;
        }
      }
      if (end <= 0) {
        break;
      }
    }
    return null;
  }

  private static String text(Object node, String path) {
    Object value = at(node, path);
    return value == null ? "" : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String path) {
    Object value = at(node, path);
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node, String path) {
    Object value = at(node, path);
    return value instanceof List<?> ? (List<Object>) value : List.of();
  }
}
