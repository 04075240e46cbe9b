package io.github.sfntest.engine;

import java.util.ServiceLoader;

/**
 * Finds the in-process engine's provider once. It is registered in this library's
 * META-INF/services, so {@code engine} never imports the internal implementation.
 */
final class InProcessEngines {

  static final String ID = "in-process";

  private static final EngineProvider PROVIDER = find();

  private InProcessEngines() {}

  static Engine create(EngineOptions options) {
    return PROVIDER.create(options);
  }

  private static EngineProvider find() {
    for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, InProcessEngines.class.getClassLoader())) {
      if (ID.equals(provider.id())) {
        return provider;
      }
    }
    throw new IllegalStateException("The in-process engine is missing: no " + EngineProvider.class.getName()
        + " with id \"" + ID + "\" is registered in META-INF/services (a repackaged jar may have dropped it).");
  }
}
