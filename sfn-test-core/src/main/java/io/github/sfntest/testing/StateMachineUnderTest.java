package io.github.sfntest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;

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
  private final io.github.sfntest.engine.StateMachineType type;

  StateMachineUnderTest(TestRun run, StateMachineDefinition definition, io.github.sfntest.engine.StateMachineType type) {
    this.run = run;
    this.definition = definition;
    this.type = type;
  }

  /**
   * How this state machine's executions run: STANDARD, or EXPRESS (declared with {@code type = EXPRESS}
   * or by its SAM/CloudFormation template). An EXPRESS machine's {@code run(...)} starts as
   * StartSyncExecution does (the caller waits for the result), its {@code start(...)} as StartExecution.
   *
   * @return the state machine's type
   */
  public io.github.sfntest.engine.StateMachineType type() {
    return type;
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
    return start(waitedFor(StartRequest.of(definition, inputJson))).awaitCompletion();
  }

  public ExecutionResult run(JsonNode input) {
    return start(waitedFor(StartRequest.of(definition, input))).awaitCompletion();
  }

  /** An EXPRESS execution whose caller waits for its result is what StartSyncExecution starts. */
  private StartRequest waitedFor(StartRequest request) {
    return type == io.github.sfntest.engine.StateMachineType.EXPRESS
        ? request.withType(type).withSyncStart()
        : request;
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
    if (bound.type() != type && type == io.github.sfntest.engine.StateMachineType.EXPRESS) {
      bound = bound.withType(type);
    }
    Execution execution = engine().start(bound);
    return run.record(execution, bound.definition(), bound.input());
  }

  /**
   * Tests one state of this state machine on its own, as AWS's TestState API does: a Choice's
   * rules, a Retry/Catch configuration or a Map's ItemSelector, without running the states
   * before it. A Task the request does not mock is answered by this test's mocks (stubs or a
   * MockConfigFile test case); an unmocked Map or Parallel runs its real children.
   *
   * <pre>{@code
   * TestStateResult result = orderFlow.testState("Charge", state -> state
   *     .input("{\"amount\": 42}")
   *     .mockError("Payment.Declined", "card expired")
   *     .retrierRetryCount(3)
   *     .inspectionLevel(InspectionLevel.DEBUG));
   * assertThat(result).caughtError().goesTo("NotifyDeclined").inspection().caughtBy(0);
   * }</pre>
   *
   * @param stateName the state (top level or inside a Map or Parallel)
   * @param request fills in the input, mocks, configuration and inspection level
   * @return what TestState answers
   * @throws TestConfigurationException when the state is not in the definition
   */
  public TestStateResult testState(String stateName,
      java.util.function.UnaryOperator<TestStateRequest.Builder> request) {
    java.util.List<String> names = new java.util.ArrayList<>();
    collectStateNames(definition.toJson() == null ? null : io.github.sfntest.internal.json.Json.parse(definition.toJson()), names);
    if (!names.contains(stateName)) {
      throw new TestConfigurationException("State \"" + stateName + "\" is not in state machine \"" + name() + "\""
          + io.github.sfntest.internal.text.NearMiss.hint(stateName, names) + "; its states are "
          + io.github.sfntest.internal.text.NearMiss.quotedList(names));
    }
    TestStateRequest asked = request.apply(TestStateRequest.builder()
        .definition(definition.toJson())
        .stateName(stateName)).build();
    if (asked.mockResult().isEmpty() && !asked.hasMockError() && asked.taskHandler().isEmpty()) {
      // no TestState mock: this test's mocks answer the Tasks, and a Map or Parallel runs its children
      TaskHandler handler = run.taskHandler();
      asked = asked.toBuilder()
          .runChildren(true)
          .taskHandler(invocation -> handler.invoke(new TaskInvocation(name(), invocation.executionArn(),
              invocation.stateName(), invocation.resource(), invocation.parameters(), invocation.invocationIndex(),
              invocation.retryCount(), invocation.taskToken(), invocation.time())))
          .build();
    }
    TestStateResult result = engine().testState(asked);
    run.recordSingleState(definition, asked, result);
    return result;
  }

  /** {@link #testState(String, java.util.function.UnaryOperator)} with an input and nothing else. */
  public TestStateResult testState(String stateName, String inputJson) {
    return testState(stateName, state -> state.input(inputJson));
  }

  private static void collectStateNames(JsonNode machine, java.util.List<String> names) {
    if (machine == null) {
      return;
    }
    machine.path("States").properties().iterator().forEachRemaining(e -> {
      names.add(e.getKey());
      collectStateNames(e.getValue().path("ItemProcessor"), names);
      collectStateNames(e.getValue().path("Iterator"), names);
      e.getValue().path("Branches").forEach(b -> collectStateNames(b, names));
    });
  }

  @Override
  public String toString() {
    return "StateMachineUnderTest{" + definition.name() + "}";
  }
}
