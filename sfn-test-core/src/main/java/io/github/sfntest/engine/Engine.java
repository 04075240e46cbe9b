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

  /**
   * Publishes {@code definition} as the next version (1, 2, ...) of the state machine it names, and
   * deploys it as that machine's latest revision. Start a version with {@link
   * StartRequest#onVersion(int)}; the execution's {@code $$.StateMachine.Id} is the version ARN.
   *
   * <pre>{@code
   * engine.publishVersion(v1);                                  // ...:stateMachine:Order:1
   * engine.publishVersion(v2);                                  // ...:stateMachine:Order:2
   * engine.createAlias("Order", "PROD", Map.of(1, 90, 2, 10));  // ...:stateMachine:Order:PROD
   * engine.run(StartRequest.of(v2, "{}").onAlias("PROD"));      // runs version 1 or 2 by weight
   * }</pre>
   *
   * @return the version ARN, {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME:N}
   */
  default String publishVersion(StateMachineDefinition definition) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot publish state machine versions");
  }

  /**
   * Creates (or replaces) alias {@code aliasName} of state machine {@code stateMachineName}, routing
   * executions started with {@link StartRequest#onAlias(String)} to one or two published versions
   * by weight (the weights add up to 100). The draw is seeded ({@link EngineOptions#seed()}), so a
   * test routes the same way on every run.
   *
   * @param weightsByVersion version number to weight, in routing order, e.g. {@code Map.of(1, 100)}
   * @return the alias ARN, {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME:ALIAS}
   * @throws IllegalArgumentException for an unknown version, a bad name or weights not adding up to 100
   */
  default String createAlias(String stateMachineName, String aliasName, java.util.Map<Integer, Integer> weightsByVersion) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot create state machine aliases");
  }

  /**
   * Tests one state on its own, as AWS's TestState API does: the state (alone, or picked by {@code
   * stateName} out of a whole definition) with an input, variables, a context object and a mocked
   * result or error; the answer is the status, output, next state, error and inspection data.
   * In-process it runs offline (as {@link io.github.sfntest.testing.StateTester} does), and so it
   * does by default, with this engine's options, for an engine that does not say otherwise; an engine
   * that drives a Step Functions API sends the request to that API's {@code TestState}.
   *
   * <pre>{@code
   * try (Engine engine = Engine.inProcess()) {
   *   TestStateResult result = engine.testState(TestStateRequest.builder()
   *       .definition("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
   *           + " \"Parameters\": {\"FunctionName\": \"charge\", \"Payload.$\": \"$\"}, \"End\": true}")
   *       .input("{\"amount\": 42}")
   *       .mockResult("{\"StatusCode\": 200, \"Payload\": {\"charged\": true}}")
   *       .build());
   *   assertThat(result).succeeded().hasOutput("{\"StatusCode\": 200, \"Payload\": {\"charged\": true}}");
   * }
   * }</pre>
   *
   * @param request the state, input, mocks, state configuration and inspection level
   * @return what TestState answers
   * @throws io.github.sfntest.teststate.TestStateException where TestState refuses the request
   */
  default io.github.sfntest.teststate.TestStateResult testState(io.github.sfntest.teststate.TestStateRequest request) {
    try (Engine offline = inProcess(options())) {
      return offline.testState(request);
    }
  }

  /**
   * Redrives the ended execution {@code executionArn} that this engine ran (see {@link
   * Execution#redrive()}).
   *
   * @param executionArn the execution's ARN, e.g. {@code result.executionArn()}
   * @return the execution, running again from its unsuccessful state
   * @throws ExecutionNotRedrivableException when AWS would refuse to redrive it
   * @throws IllegalArgumentException when this engine ran no such execution
   * @throws UnsupportedOperationException when the engine cannot redrive
   */
  default Execution redrive(String executionArn) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot redrive executions");
  }

  Set<EngineCapability> capabilities();

  EngineOptions options();

  @Override
  void close();
}
