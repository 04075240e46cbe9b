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

  /**
   * An in-process engine with {@link EngineOptions#defaults()}: virtual clock, no AWS account, no
   * network.
   *
   * @return a new engine; close it when done (try-with-resources)
   */
  static Engine inProcess() {
    return InProcessEngines.create(EngineOptions.defaults());
  }

  /**
   * An in-process engine with the given settings (start time, seed, limits).
   *
   * @param options the account, region, clock start, seed and limits to use
   * @return a new engine; close it when done
   */
  static Engine inProcess(EngineOptions options) {
    return InProcessEngines.create(options);
  }

  /**
   * Starts an execution and runs it until it ends or waits for a callback.
   *
   * @param request the definition, input, task handler and start options
   * @return the running execution, to answer callbacks on or await
   */
  Execution start(StartRequest request);

  /**
   * Runs an execution to its end.
   *
   * @param request the definition, input, task handler and start options
   * @return the ended execution's status, output and history
   */
  default ExecutionResult run(StartRequest request) {
    return start(request).awaitCompletion();
  }

  /**
   * Runs {@code definition} with JSON {@code input} to its end.
   *
   * @param definition the state machine to run
   * @param input the execution input as JSON text
   * @return the ended execution's status, output and history
   */
  default ExecutionResult run(StateMachineDefinition definition, String input) {
    return run(StartRequest.of(definition, input));
  }

  /**
   * Makes a state machine known to the engine, so {@code states:startExecution} tasks naming its
   * ARN (or just its name) run it as a real child execution instead of needing a mock.
   *
   * @param definition the child state machine, found by the name or ARN a task names
   */
  default void deploy(StateMachineDefinition definition) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot deploy state machines");
  }

  /**
   * Makes a state machine of {@code type} known to the engine, as {@link #deploy(StateMachineDefinition)}
   * does; the child executions that {@code states:startExecution} tasks start of an {@link
   * StateMachineType#EXPRESS} machine are EXPRESS executions ({@code express:} ARNs, the 5-minute limit).
   * Engines that do not model machine types deploy it as {@link #deploy(StateMachineDefinition)} does.
   *
   * @param definition the child state machine, found by the name or ARN a task names
   * @param type the machine's type
   * @throws io.github.sfntest.definition.InvalidDefinitionException when {@code type} is EXPRESS and
   *     AWS refuses the definition for EXPRESS ({@code .sync}, {@code .waitForTaskToken}, activities)
   */
  default void deploy(StateMachineDefinition definition, StateMachineType type) {
    deploy(definition);
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
   * @param definition the new revision; its name says which state machine it versions
   * @return the version ARN, {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME:N}
   */
  default String publishVersion(StateMachineDefinition definition) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot publish state machine versions");
  }

  /**
   * Creates activity {@code name} on this engine, as CreateActivity does (again after a delete).
   * Activity tasks need no declared activity: one never created is presumed to exist.
   *
   * @param name the activity's name
   * @return its ARN, {@code arn:aws:states:REGION:ACCOUNT:activity:NAME}
   * @throws UnsupportedOperationException when this engine keeps no activities
   */
  default String createActivity(String name) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no activities");
  }

  /**
   * Deletes an activity, as DeleteActivity does: a Task state on it then fails the execution, as
   * on AWS, with {@code States.Runtime} "The activity ARN does not exist." (before any
   * {@code ActivityScheduled} event), until the activity is created again.
   *
   * @param activityArn the activity's ARN
   * @throws UnsupportedOperationException when this engine keeps no activities
   */
  default void deleteActivity(String activityArn) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no activities");
  }

  /**
   * Creates (or replaces) alias {@code aliasName} of state machine {@code stateMachineName}, routing
   * executions started with {@link StartRequest#onAlias(String)} to one or two published versions
   * by weight (the weights add up to 100). The draw is seeded ({@link EngineOptions#seed()}), so a
   * test routes the same way on every run.
   *
   * @param weightsByVersion version number to weight, in routing order, e.g. {@code Map.of(1, 100)}
   * @param stateMachineName the name of a state machine with published versions
   * @param aliasName the alias's name, as {@code onAlias} gives it
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

  /**
   * What this engine supports (callbacks, virtual time, mocks, ...); tests that need more are
   * skipped.
   *
   * @return the supported capabilities
   */
  Set<EngineCapability> capabilities();

  /**
   * The settings this engine was created with.
   *
   * @return the engine's options
   */
  EngineOptions options();

  @Override
  void close();
}
