package org.storybank.infra;

/** Settings from environment variables, where blank counts as unset. */
final class Environment {

  private Environment() {}

  static String get(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
