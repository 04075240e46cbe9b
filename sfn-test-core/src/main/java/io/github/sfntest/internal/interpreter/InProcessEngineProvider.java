package io.github.sfntest.internal.interpreter;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;

/**
 * Provides the in-process engine through {@link java.util.ServiceLoader}, so the public {@code engine}
 * package reaches this implementation without importing it (the dependency runs one way only).
 */
public final class InProcessEngineProvider implements EngineProvider {

  /** The id of the in-process engine. */
  public static final String ID = "in-process";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Engine create(EngineOptions options) {
    return new InProcessEngine(options);
  }
}
