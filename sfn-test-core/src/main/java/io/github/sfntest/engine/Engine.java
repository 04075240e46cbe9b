package io.github.sfntest.engine;

import io.github.sfntest.definition.StateMachineDefinition;
import java.util.Set;

/**
 * Runs state machines. The in-process engine needs no AWS account, no Docker and no real time;
 * other engines drive a Step Functions API. Results and histories look the same on every engine.
 *
 * <pre>{@code
 * try (Engine engine = Engine.inProcess()) {
 *   ExecutionResult result = engine.run(StateMachineDefinition.fromClasspath("order.asl.json"), "{}");
 * }
 * }</pre>
 */
public interface Engine extends AutoCloseable {

  static Engine inProcess() {
    return InProcessEngines.create(EngineOptions.defaults());
  }

  static Engine inProcess(EngineOptions options) {
    return InProcessEngines.create(options);
  }

  /** Starts an execution and runs it until it ends or waits for a callback. */
  Execution start(StartRequest request);

  /** Runs an execution to its end. */
  default ExecutionResult run(StartRequest request) {
    return start(request).awaitCompletion();
  }

  /** Runs {@code definition} with JSON {@code input} to its end. */
  default ExecutionResult run(StateMachineDefinition definition, String input) {
    return run(StartRequest.of(definition, input));
  }

  /**
   * Makes a state machine known to the engine, so {@code states:startExecution} tasks naming its
   * ARN (or just its name) run it as a real child execution instead of needing a mock.
   */
  default void deploy(StateMachineDefinition definition) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot deploy state machines");
  }

  Set<EngineCapability> capabilities();

  EngineOptions options();

  @Override
  void close();
}
