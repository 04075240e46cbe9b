package io.github.sfntest.internal.asl;

import io.github.sfntest.definition.StateMachineDefinition;
import java.util.function.Function;

/** Lets engines read the parsed model of a public {@link StateMachineDefinition}. */
public final class Definitions {
  private static volatile Function<StateMachineDefinition, StateMachineModel> accessor;

  private Definitions() {}

  public static void install(Function<StateMachineDefinition, StateMachineModel> modelAccessor) {
    accessor = modelAccessor;
  }

  public static StateMachineModel model(StateMachineDefinition definition) {
    return accessor.apply(definition);
  }
}
