package org.storybank.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A generator of test values drawn from one seeded {@link Random}, so that a seed replays a whole
 * fuzzing run: the few ways of combining them that {@link FuzzedRequests} needs.
 */
@FunctionalInterface
interface Gen<T> {

  T next(Random random);

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> mapper) {
    return random -> mapper.apply(next(random)).next(random);
  }

  /** Lists of this generator's values, at most as long as the size drawn for each list. */
  default Gen<List<T>> list(Gen<Integer> maxSize) {
    return random -> {
      int size = random.nextInt(maxSize.next(random) + 1);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(next(random));
      }
      return values;
    };
  }

  static <T> Gen<T> just(T value) {
    return random -> value;
  }

  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  static <T> Gen<T> of(List<T> values) {
    List<T> choices = new ArrayList<>(values);
    return random -> choices.get(random.nextInt(choices.size()));
  }

  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
    return oneOf(List.of(generators));
  }

  static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
    List<Gen<? extends T>> choices = new ArrayList<>(generators);
    return random -> choices.get(random.nextInt(choices.size())).next(random);
  }

  /** A generator chosen in proportion to its weight. */
  record Weighted<T>(int weight, Gen<? extends T> generator) {}

  static <T> Weighted<T> weight(int weight, Gen<? extends T> generator) {
    return new Weighted<>(weight, generator);
  }

  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    int total = 0;
    for (Weighted<? extends T> choice : choices) {
      total += choice.weight();
    }
    int sum = total;
    return random -> {
      int drawn = random.nextInt(sum);
      for (Weighted<? extends T> choice : choices) {
        drawn -= choice.weight();
        if (drawn < 0) {
          return choice.generator().next(random);
        }
      }
      throw new IllegalStateException("weights changed while drawing");
    };
  }

  static <T> Gen<T> lazy(Supplier<Gen<T>> generator) {
    return random -> generator.get().next(random);
  }

  static Gen<Integer> between(int min, int max) {
    return random -> min + random.nextInt(max - min + 1);
  }

  /** Small, large, negative and fractional numbers alike. */
  static Gen<Double> doubles() {
    return random -> {
      double magnitude = Math.pow(10, random.nextInt(20) - 4);
      return (random.nextBoolean() ? 1 : -1) * random.nextDouble() * magnitude;
    };
  }

  /** Strings of characters from one range, of a length within bounds. */
  static Gen<String> strings(char from, char to, int minLength, int maxLength) {
    return random -> {
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append((char) (from + random.nextInt(to - from + 1)));
      }
      return text.toString();
    };
  }
}
