package io.github.sfntest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.MockedResponses;

/**
 * A state machine bound to the current test: its definition, the engine, and the test's mocks.
 * What a test runs.
 *
 * <pre>{@code
 * mocks.onState("Charge").willReturn("{\"charged\": true}");
 * ExecutionResult result = orderFlow.run("{\"orderId\": \"42\"}");
 * assertThat(result).succeeded().visited("Charge");
 *
 * Execution execution = orderFlow.start("{\"orderId\": \"42\"}");   // for callbacks and time
 * WaitingTask approval = execution.awaitTask("WaitForApproval");
 * execution.sendTaskSuccess(approval.taskToken(), "{\"approved\": true}");
 * assertThat(execution.awaitCompletion()).succeeded();
 * }</pre>
 *
 * <p>Every execution started here is remembered by the test, so a failing test reports their
 * histories.
 */
public final class StateMachineUnderTest {

  private final TestRun run;
  private final StateMachineDefinition definition;

  StateMachineUnderTest(TestRun run, StateMachineDefinition definition) {
    this.run = run;
    this.definition = definition;
  }

  /** The state machine's name (the one MockConfigFiles and ARNs use). */
  public String name() {
    return definition.name();
  }

  public StateMachineDefinition definition() {
    return definition;
  }

  /** The engine this test's executions run on. */
  public Engine engine() {
    return run.engine();
  }

  /** The mocks of the current test. */
  public MockedResponses mocks() {
    return run.mocks();
  }

  /** Runs an execution with input {@code {}} to its end. */
  public ExecutionResult run() {
    return run("{}");
  }

  /** Runs an execution with JSON {@code inputJson} to its end (virtual time passes as needed). */
  public ExecutionResult run(String inputJson) {
    return start(inputJson).awaitCompletion();
  }

  public ExecutionResult run(JsonNode input) {
    return start(input).awaitCompletion();
  }

  /** Runs an execution whose input is the JSON file at {@code location} (classpath or file). */
  public ExecutionResult runWithInputFrom(String location) {
    return run(TestResource.read(location, "execution input").text());
  }

  /** Starts an execution with input {@code {}}. */
  public Execution start() {
    return start("{}");
  }

  /** Starts an execution; it runs until it ends or waits for a callback. */
  public Execution start(String inputJson) {
    return start(StartRequest.of(definition, inputJson));
  }

  public Execution start(JsonNode input) {
    return start(StartRequest.of(definition, input));
  }

  /**
   * Starts {@code request} (an execution name, another input...) with this test's task handler,
   * whatever handler the request has.
   */
  public Execution start(StartRequest request) {
    StartRequest bound = request.withTaskHandler(run.taskHandler());
    Execution execution = engine().start(bound);
    return run.record(execution, bound.definition(), bound.input());
  }

  @Override
  public String toString() {
    return "StateMachineUnderTest{" + definition.name() + "}";
  }
}
