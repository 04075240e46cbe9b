package io.github.sfntest.internal.asl;

import java.util.Objects;
import java.util.function.Function;

/**
 * Lets engines read the parsed model of a public {@code StateMachineDefinition}, which keeps it
 * private. The public class installs the accessor when it loads; this class names it only as
 * {@code Object} so that this package does not depend on the public {@code definition} package,
 * which depends on this one.
 */
public final class Definitions {
  private static volatile Function<Object, StateMachineModel> accessor;

  private Definitions() {}

  /** Called once by {@code StateMachineDefinition}'s static initializer. */
  public static void install(Function<Object, StateMachineModel> modelAccessor) {
    accessor = Objects.requireNonNull(modelAccessor, "modelAccessor");
  }

  /** The model of {@code definition}, a {@code StateMachineDefinition}. */
  public static StateMachineModel model(Object definition) {
    return accessor.apply(definition);
  }
}
