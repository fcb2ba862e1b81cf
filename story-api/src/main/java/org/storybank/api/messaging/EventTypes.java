package org.storybank.api.messaging;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names event types on the wire by their simple record name and maps them back, derived from a
 * sealed event interface so that a new event cannot be forgotten.
 */
public final class EventTypes<E> {

  private final Map<String, Class<? extends E>> byName;

  private EventTypes(Map<String, Class<? extends E>> byName) {
    this.byName = byName;
  }

  @SuppressWarnings("unchecked")
  public static <E> EventTypes<E> of(Class<E> sealedEventType) {
    if (!sealedEventType.isSealed()) {
      throw new IllegalArgumentException(sealedEventType + " is not a sealed interface");
    }
    Map<String, Class<? extends E>> byName =
        Arrays.stream(sealedEventType.getPermittedSubclasses())
            .map(type -> (Class<? extends E>) type)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    return new EventTypes<>(byName);
  }

  public String nameOf(Class<?> eventType) {
    String name = eventType.getSimpleName();
    if (byName.get(name) != eventType) {
      throw new IllegalArgumentException(eventType + " is not one of " + byName.keySet());
    }
    return name;
  }

  public Optional<Class<? extends E>> typeNamed(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
