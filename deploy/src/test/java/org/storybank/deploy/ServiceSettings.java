package org.storybank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What each service reads from its environment, from its own application.yml. */
final class ServiceSettings {

  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  static final List<String> SERVICES =
      List.of("web-gateway", "story-command", "story-query", "evaluation");
  static final Map<String, String> PORT_VARIABLE =
      Map.of(
          "web-gateway", "STORYBANK_GATEWAY_PORT",
          "story-command", "STORYBANK_COMMAND_PORT",
          "story-query", "STORYBANK_QUERY_PORT",
          "evaluation", "STORYBANK_EVALUATION_PORT");

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(STORYBANK_[A-Z_]+)(?::([^}]*))?}");

  private ServiceSettings() {}

  /** Every STORYBANK_ variable the service reads, with its default (null when it has none). */
  static Map<String, String> variablesReadBy(String service) {
    String yaml;
    try {
      yaml = Files.readString(REPOSITORY.resolve(service + "/src/main/resources/application.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher matcher = PLACEHOLDER.matcher(yaml);
    while (matcher.find()) {
      variables.put(matcher.group(1), matcher.group(2));
    }
    assertThat(variables).as("%s reads no STORYBANK_ variable at all", service).isNotEmpty();
    return variables;
  }

  /** The variables a deployment must set: those without a default or defaulting to this host. */
  static Set<String> mustBeGiven(String service) {
    Set<String> given = new TreeSet<>();
    variablesReadBy(service)
        .forEach(
            (variable, fallback) -> {
              if (fallback == null
                  || fallback.contains("127.0.0.1")
                  || fallback.contains("localhost")) {
                given.add(variable);
              }
            });
    return given;
  }
}
