package io.github.sfntest.internal.jsonata;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What JSONata evaluation needs from the running execution besides the data: the virtual clock
 * ({@code $now()}, {@code $millis()}) and the execution's seeded random source ({@code $random()}
 * without seed, {@code $uuid()}), so seeded executions are reproducible.
 */
public interface JsonataRuntime {

  /** The current (virtual) time. */
  Instant now();

  /** The execution's random source. */
  RandomGenerator random();

  static JsonataRuntime of(Supplier<Instant> clock, RandomGenerator random) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    return new JsonataRuntime() {
      @Override
      public Instant now() {
        return clock.get();
      }

      @Override
      public RandomGenerator random() {
        return random;
      }
    };
  }
}
