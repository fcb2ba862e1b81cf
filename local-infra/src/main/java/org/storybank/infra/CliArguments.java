package org.storybank.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <command> [--option value | --option=value | --flag]...}, checked against the known
 * options and flags.
 */
final class CliArguments {

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private static final Set<String> OPTIONS =
      Set.of(
          "state-dir",
          "elasticsearch-port",
          "kafka-port",
          "postgres-url",
          "postgres-user",
          "postgres-password");
  private static final Set<String> FLAGS =
      Set.of("skip-elasticsearch", "skip-kafka", "verbose", "help");

  private final String command;
  private final Map<String, String> options;
  private final Set<String> flags;

  private CliArguments(String command, Map<String, String> options, Set<String> flags) {
    this.command = command;
    this.options = options;
    this.flags = flags;
  }

  static CliArguments parse(List<String> arguments) {
    String command = null;
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!argument.startsWith("--")) {
        if (command != null) {
          throw new UsageException("unexpected argument '" + argument + "'");
        }
        command = argument;
        continue;
      }
      String name = argument.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (FLAGS.contains(name) && value == null) {
        flags.add(name);
      } else if (OPTIONS.contains(name)) {
        if (value == null) {
          if (i + 1 >= arguments.size()) {
            throw new UsageException("option --" + name + " needs a value");
          }
          value = arguments.get(++i);
        }
        options.put(name, value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return new CliArguments(command == null ? "" : command, options, flags);
  }

  String command() {
    return command;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  Path stateDir() {
    return option("state-dir")
        .map(dir -> Path.of(dir).toAbsolutePath().normalize())
        .orElseThrow(() -> new UsageException("--state-dir DIR is required"));
  }

  /** The option, else the environment variable, else the default. */
  int port(String option, String envVar, int fallback) {
    String value =
        option(option).orElseGet(() -> Environment.get(envVar, Integer.toString(fallback)));
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--" + option + " (or " + envVar + ") must be a port number, not '" + value + "'");
    }
  }
}
