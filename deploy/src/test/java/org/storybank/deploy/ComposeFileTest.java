package org.storybank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file cannot run here (no Docker engine), so this keeps it honest: for each service,
 * the environment it is given must be exactly what its application.yml reads, every setting that
 * defaults to this machine must be pointed at the right container, and the port must match.
 */
class ComposeFileTest {

  private static final Path REPOSITORY = ServiceSettings.REPOSITORY;

  @ParameterizedTest
  @ValueSource(strings = {"web-gateway", "story-command", "story-query", "evaluation"})
  void serviceEnvironmentMatchesWhatTheServiceReads(String service) throws IOException {
    Map<String, String> read = ServiceSettings.variablesReadBy(service);
    Map<String, String> given = composeEnvironmentOf(service);

    assertThat(given.keySet())
        .as("variables compose gives %s that it never reads", service)
        .isSubsetOf(read.keySet());

    Set<String> pointingAtThisMachine = ServiceSettings.mustBeGiven(service);
    assertThat(given.keySet())
        .as(
            "variables of %s without default, or defaulting to this machine, must be set in compose",
            service)
        .containsAll(pointingAtThisMachine);

    given.forEach(
        (variable, value) ->
            assertThat(value)
                .as("%s of %s in compose", variable, service)
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"web-gateway", "story-command", "story-query", "evaluation"})
  void urlsPointAtServicesDefinedInCompose(String service) throws IOException {
    Set<String> defined = services().keySet();
    Pattern host = Pattern.compile("^(?:[a-z]+:(?:postgresql:)?//)?([a-z][a-z0-9-]*):\\d+");
    composeEnvironmentOf(service)
        .forEach(
            (variable, value) -> {
              Matcher matcher = host.matcher(value);
              if (matcher.find()) {
                assertThat(defined)
                    .as("%s of %s points at %s", variable, service, value)
                    .contains(matcher.group(1));
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"web-gateway", "story-command", "story-query", "evaluation"})
  void portsMatchTheServicePortSetting(String service) throws IOException {
    String variable = ServiceSettings.PORT_VARIABLE.get(service);
    String port = composeEnvironmentOf(service).get(variable);
    String fallback = ServiceSettings.variablesReadBy(service).get(variable);
    assertThat(port).as("compose sets the port of %s", service).isEqualTo(fallback);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws IOException {
    Yaml yaml = new Yaml(new LoaderOptions());
    Map<String, Object> compose =
        yaml.load(Files.readString(REPOSITORY.resolve("deploy/compose.yaml")));
    return (Map<String, Object>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> composeEnvironmentOf(String service) throws IOException {
    Map<String, Object> definition = (Map<String, Object>) services().get(service);
    assertThat(definition).as("compose defines %s", service).isNotNull();
    Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
    Map<String, String> values = new LinkedHashMap<>();
    if (environment != null) {
      environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
    }
    return values;
  }
}
