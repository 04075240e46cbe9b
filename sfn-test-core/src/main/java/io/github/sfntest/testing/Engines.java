package io.github.sfntest.testing;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Engine selection by id. {@code in-process} is built in; others come from {@link EngineProvider}s
 * on the classpath. The system property {@value #ENGINE_PROPERTY} overrides the id a test declares,
 * so CI can rerun a whole suite on another engine:
 *
 * <pre>{@code
 * mvn test -Dsfntest.engine=stepfunctions-local
 * }</pre>
 */
public final class Engines {

  /** The system property that selects the engine of every test, whatever the test declares. */
  public static final String ENGINE_PROPERTY = "sfntest.engine";

  /** The id of the built-in engine. */
  public static final String IN_PROCESS = "in-process";

  private Engines() {}

  /**
   * The engine id to use: the system property {@value #ENGINE_PROPERTY} if set, else {@code
   * declared} if not blank, else {@value #IN_PROCESS}.
   *
   * @param declared the id a test declares, possibly blank
   * @return the engine id
   */
  public static String selectedId(String declared) {
    String property = System.getProperty(ENGINE_PROPERTY);
    if (property != null && !property.isBlank()) {
      return property.trim();
    }
    return declared == null || declared.isBlank() ? IN_PROCESS : declared.trim();
  }

  /**
   * The ids of every engine available: {@value #IN_PROCESS} and those of the providers found.
   *
   * @return the known ids
   */
  public static java.util.Set<String> knownIds() {
    return providers().keySet();
  }

  /**
   * A new engine of kind {@code id}.
   *
   * @param id the engine id, e.g. {@code in-process} or {@code sdk}
   * @param options the engine settings
   * @return a new engine; the caller closes it
   * @throws TestConfigurationException if no engine has that id (the message lists the known ones)
   */
  public static Engine create(String id, EngineOptions options) {
    return provider(id).create(options);
  }

  /**
   * The provider of engines of kind {@code id}.
   *
   * @param id the engine id
   * @return the provider
   * @throws TestConfigurationException if no engine has that id (the message lists the known ones)
   */
  public static EngineProvider provider(String id) {
    Map<String, EngineProvider> providers = providers();
    EngineProvider provider = providers.get(id);
    if (provider == null) {
      String from = id.equals(System.getProperty(ENGINE_PROPERTY, "").trim())
          ? " (from the system property " + ENGINE_PROPERTY + ")"
          : "";
      throw new TestConfigurationException("Unknown engine \"" + id + "\"" + from + ". Known engines: "
          + String.join(", ", providers.keySet()) + ". An engine other than " + IN_PROCESS
          + " comes from a module on the test classpath that registers an " + EngineProvider.class.getName()
          + " in META-INF/services; add that module, or select one of the known engines.");
    }
    return provider;
  }

  private static Map<String, EngineProvider> providers() {
    Map<String, EngineProvider> providers = new LinkedHashMap<>();
    providers.put(IN_PROCESS, new InProcessProvider());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Engines.class.getClassLoader();
    }
    for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, loader)) {
      providers.putIfAbsent(provider.id(), provider);
    }
    return providers;
  }

  private static final class InProcessProvider implements EngineProvider {
    @Override
    public String id() {
      return IN_PROCESS;
    }

    @Override
    public Engine create(EngineOptions options) {
      return Engine.inProcess(options);
    }
  }
}
