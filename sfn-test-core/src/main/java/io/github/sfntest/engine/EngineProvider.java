package io.github.sfntest.engine;

/**
 * Makes engines by id, found with {@link java.util.ServiceLoader}: {@code inprocess}, {@code sdk}
 * (a Step Functions API through the AWS SDK; an endpoint in this JVM unless one is configured),
 * {@code container} (AWS Step Functions Local under Testcontainers). The JUnit and Spock
 * extensions select one by this id.
 */
public interface EngineProvider {

  /** The id the extensions and the {@code sfntest.engine} system property use. */
  String id();

  /** A new engine with these options; throws with the reason when it cannot run here. */
  Engine create(EngineOptions options);
}
