package io.github.sfntest.engine;

/**
 * Makes engines of one kind, found with {@link java.util.ServiceLoader}: a module that brings an
 * engine (a Step Functions Local container, the AWS SDK against a real account, ...) lists its
 * provider in {@code META-INF/services/io.github.sfntest.engine.EngineProvider}, and test
 * frameworks select it by {@link #id()}, e.g. {@code -Dsfntest.engine=stepfunctions-local}.
 *
 * <pre>{@code
 * public final class LocalContainerEngineProvider implements EngineProvider {
 *   public String id() { return "stepfunctions-local"; }
 *   public Engine create(EngineOptions options) { return new LocalContainerEngine(options); }
 * }
 * }</pre>
 *
 * <p>Built in: {@code in-process}; {@code sdk} (a Step Functions API through the AWS SDK: an
 * endpoint in this JVM unless {@code sfntest.sdk.endpoint} names one); {@code container} (AWS Step
 * Functions Local under Testcontainers).
 */
public interface EngineProvider {

  /**
   * The id users select the engine by: lower case, words joined by '-', e.g. {@code in-process}.
   *
   * @return the engine id
   */
  String id();

  /**
   * A new engine; the caller closes it.
   *
   * @param options the settings for the new engine
   * @return a new engine
   */
  Engine create(EngineOptions options);

  /**
   * Whether every test should get its own engine: true (the default) when engines are cheap to
   * create, which also makes generated execution names, task tokens and {@code States.UUID} values
   * independent of the order tests run in (parallel runs stay deterministic). A provider of
   * expensive engines (a container) returns false, and the tests of a class share one engine.
   *
   * @return true when each test should get a fresh engine
   */
  default boolean enginePerTest() {
    return true;
  }
}
