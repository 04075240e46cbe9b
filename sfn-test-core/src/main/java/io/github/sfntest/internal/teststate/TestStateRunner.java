package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.interpreter.ExecutionRun;
import io.github.sfntest.internal.interpreter.RunObserver;
import io.github.sfntest.internal.interpreter.RunSettings;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.teststate.InspectionLevel;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;
import io.github.sfntest.teststate.TestStateStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one state as AWS's TestState API does, in-process. The state is wrapped in a state machine
 * of its own (named {@code StateName}, as AWS reports it) whose transition targets are Succeed
 * placeholders; its Retry is left out and judged here from {@code retrierRetryCount}, since AWS
 * reports a retry instead of making it. A mocked Map or Parallel becomes a Task answered by the
 * mock, keeping the state's I/O fields, Retry and Catch. The Java API, the endpoint and the CLI
 * all come here.
 */
public final class TestStateRunner {

  /** The name AWS gives the tested state (context object, definition errors). */
  static final String TESTED = "StateName";
  private static final String MACHINE_NAME = "sfntest-teststate-machine";
  private static final String MOCKED_RESOURCE = "arn:aws:lambda:us-east-1:111111111111:function:sfntest-teststate-mock";
  static final String ITEMS_ERROR = "States.Runtime";
  static final String THRESHOLD_ERROR = "States.ExceedToleratedFailureThreshold";
  static final String THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

  private TestStateRunner() {}

  /** Tests the request's state; throws {@link TestStateException} where AWS refuses the request. */
  public static TestStateResult run(TestStateRequest request, EngineOptions options) {
    TestedState tested = TestedState.locate(request);
    RequestChecks.check(request, tested);
    JsonNode mockResult = RequestChecks.mockResult(request, tested);
    ObjectNode machine = wrap(tested, mockResult != null || request.hasMockError());
    StateMachineDefinition definition = TestedState.validated(MACHINE_NAME, Json.write(machine));
    JsonNode input = request.input().orElse(Json.NODES.objectNode());
    long seed = options.seed();
    String executionName = new UUID(seed * 31 + 0x7e57L, 0x5747e000L).toString();
    String prefix = "arn:aws:states:" + options.region() + ":" + options.account() + ":";
    RunSettings settings = new RunSettings(MACHINE_NAME, prefix + "stateMachine:" + MACHINE_NAME, executionName,
        prefix + "express:" + MACHINE_NAME + ":" + executionName, request.roleArn().orElse(null), options.region(),
        options.account(), options.startTime(), seed, options.maxHistoryEvents(), options.maxPayloadBytes());
    Watcher watcher = new Watcher();
    java.util.concurrent.atomic.AtomicReference<ExecutionRun> running = new java.util.concurrent.atomic.AtomicReference<>();
    ExecutionRun run = new ExecutionRun(Definitions.model(definition), settings, input,
        handler(request, tested, mockResult, running, watcher));
    running.set(run);
    run.observe(watcher);
    run.io().observe((entry, step, value) -> {
      if (watcher.isTested(entry)) {
        watcher.steps.put(step.name(), value);
      }
    });
    request.variables().ifPresent(v -> run.initialVariables(variables(v)));
    run.withoutRedriveCount();
    request.context().ifPresent(run::contextObject);
    run.start();
    run.runUntilIdle(true);
    if (!run.finished()) {
      throw new TestStateException("ValidationException",
          "The state did not finish: it waits for a callback or an activity worker, which TestState cannot give it");
    }
    if (run.missingMock() != null) {
      throw new TestStateException("ValidationException", run.missingMock());
    }
    return judge(request, tested, run, watcher, mockResult);
  }

  /**
   * The Type of the state {@code request} tests (found as TestState finds it); throws {@link
   * TestStateException} where TestState would refuse the definition or the state name.
   */
  public static String testedType(TestStateRequest request) {
    return TestedState.locate(request).type;
  }

  private static TestStateResult judge(TestStateRequest request, TestedState tested, ExecutionRun run, Watcher watcher,
      JsonNode mockResult) {
    String error = null;
    String cause = null;
    if (run.status() != ExecutionStatus.SUCCEEDED) {
      var result = run.result();
      error = result.error().orElse(null);
      cause = result.cause().orElse(null);
    } else if (watcher.caughtIndex >= 0) {
      error = watcher.caughtError;
      cause = lastCause(run.events());
    }
    TestStateStatus status;
    Retries.Decision retry = error == null ? null
        : Retries.decide(tested.retry, error, request.retrierRetryCount().orElse(0));
    if (retry != null) {
      status = TestStateStatus.RETRIABLE;
    } else if (run.status() != ExecutionStatus.SUCCEEDED) {
      status = TestStateStatus.FAILED;
    } else if (watcher.caughtIndex >= 0) {
      status = TestStateStatus.CAUGHT_ERROR;
    } else {
      status = TestStateStatus.SUCCEEDED;
    }
    boolean passed = status == TestStateStatus.SUCCEEDED || status == TestStateStatus.CAUGHT_ERROR;
    JsonNode output = passed && watcher.exited ? exitOutput(run.events()) : null;
    String next = passed ? watcher.next : null;
    ObjectNode inspection = Json.NODES.objectNode();
    InspectionLevel level = request.inspectionLevel().orElse(InspectionLevel.INFO);
    if (level != InspectionLevel.INFO) {
      inspection = Inspections.build(tested, request, watcher, status, run);
      if (retry != null) {
        ObjectNode details = inspection.putObject("errorDetails");
        details.put("retryBackoffIntervalSeconds", retry.backoffSeconds());
        details.put("retryIndex", retry.index());
      } else if (status == TestStateStatus.CAUGHT_ERROR) {
        inspection.putObject("errorDetails").put("catchIndex", watcher.caughtIndex);
      }
    }
    return new TestStateResult(status, Optional.ofNullable(output), Optional.ofNullable(error),
        Optional.ofNullable(status == TestStateStatus.SUCCEEDED ? null : cause), Optional.ofNullable(next),
        new io.github.sfntest.teststate.InspectionData(inspection));
  }

  private static JsonNode exitOutput(List<HistoryEvent> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      HistoryEvent e = events.get(i);
      if (e.type().isStateExited() && e.stateName().orElse("").equals(TESTED)) {
        return e.output().orElse(null);
      }
    }
    return null;
  }

  private static String lastCause(List<HistoryEvent> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      HistoryEvent e = events.get(i);
      if (e.error().isPresent() || e.cause().isPresent()) {
        return e.cause().orElse(null);
      }
    }
    return null;
  }

  private static Map<String, JsonNode> variables(JsonNode v) {
    if (!v.isObject()) {
      throw new TestStateException("ValidationException", "variables must be a JSON object of variable name to value");
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    v.properties().iterator().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    return values;
  }

  /** The state machine that runs the tested state: the state, then Succeed placeholders for its targets. */
  private static ObjectNode wrap(TestedState tested, boolean mocked) {
    ObjectNode state = tested.state.deepCopy();
    state.remove("Retry");
    if (mocked && tested.isMapOrParallel()) {
      state = asMockedTask(state, tested.type);
    }
    ObjectNode machine = Json.NODES.objectNode();
    if (tested.queryLanguage != null) {
      machine.put("QueryLanguage", tested.queryLanguage);
    }
    machine.put("StartAt", TESTED);
    ObjectNode states = machine.putObject("States");
    states.set(TESTED, state);
    for (String target : tested.targets()) {
      if (!target.equals(TESTED)) {
        states.putObject(target).put("Type", "Succeed");
      }
    }
    return machine;
  }

  /** A mocked Map or Parallel, as a Task that keeps the fields around the children's work. */
  private static ObjectNode asMockedTask(ObjectNode state, String type) {
    ObjectNode task = Json.NODES.objectNode();
    task.put("Type", "Task");
    task.put("Resource", MOCKED_RESOURCE);
    for (String field : List.of("Comment", "QueryLanguage", "InputPath", "ResultSelector", "ResultPath", "OutputPath",
        "Output", "Assign", "Catch", "Next", "End")) {
      if (state.has(field)) {
        task.set(field, state.get(field));
      }
    }
    if (type.equals("Parallel")) {
      for (String field : List.of("Parameters", "Arguments")) {
        if (state.has(field)) {
          task.set(field, state.get(field));
        }
      }
    }
    return task;
  }

  private static TaskHandler handler(TestStateRequest request, TestedState tested, JsonNode mockResult,
      java.util.concurrent.atomic.AtomicReference<ExecutionRun> run, Watcher watcher) {
    if (request.hasMockError()) {
      String error = request.mockErrorName().orElse(null);
      String cause = request.mockErrorCause().orElse(null);
      return invocation -> TaskOutcome.failure(error, cause);
    }
    if (mockResult != null) {
      if (tested.type.equals("Map") && request.mapIterationFailureCount().isPresent()) {
        int failures = request.mapIterationFailureCount().get();
        // the iterations are the items the reader data holds, else the mocked results
        int read = StateConfigurations.itemCount(request, tested);
        int iterations = read >= 0 ? read : mockResult.size();
        return invocation -> Tolerance.exceeded(
            FieldValues.of(run.get(), watcher.entry, tested.state, "ToleratedFailureCount"),
            FieldValues.of(run.get(), watcher.entry, tested.state, "ToleratedFailurePercentage"),
            failures, iterations)
            ? TaskOutcome.failure(THRESHOLD_ERROR, THRESHOLD_CAUSE) : TaskOutcome.success(mockResult);
      }
      if (tested.type.equals("Map") && !tested.jsonata() && tested.state.path("ItemsPath").isTextual()) {
        String itemsPath = tested.state.get("ItemsPath").asText();
        return invocation -> {
          JsonNode items = Inspections.readPath(itemsPath, invocation.parameters());
          return items != null && items.isArray() ? TaskOutcome.success(mockResult)
              : TaskOutcome.failure(ITEMS_ERROR, "Reference path \""
                  + (itemsPath.startsWith("$$") ? itemsPath.substring(1) : itemsPath) + "\" must point to array.");
        };
      }
      return invocation -> TaskOutcome.success(mockResult);
    }
    if (request.taskHandler().isPresent()) {
      TaskHandler given = request.taskHandler().get();
      // The handler knows the state by its own name, not by the name AWS's TestState reports.
      return StateConfigurations.readerAnswering(invocation -> given.invoke(invocation.stateName().equals(TESTED) ? new TaskInvocation(
          invocation.stateMachineName(), invocation.executionArn(), tested.name, invocation.resource(),
          invocation.parameters(), invocation.invocationIndex(), invocation.retryCount(), invocation.taskToken(),
          invocation.time()) : invocation), request, tested);
    }
    return StateConfigurations.readerAnswering(invocation -> new TaskOutcome.NotHandled(
        "sfn-test runs TestState offline and calls no AWS service: give state \"" + tested.name
            + "\" a mock (\"result\" or \"errorOutput\"), or a task handler through the Java API"), request, tested);
  }

  /** Sees the tested state's entry, exit, and catch (not those of its children). */
  static final class Watcher implements RunObserver {
    final Map<String, JsonNode> steps = new LinkedHashMap<>();
    StateEntry entry;
    boolean exited;
    String next;
    int caughtIndex = -1;
    String caughtError;

    boolean isTested(StateEntry e) {
      return e.frame.parent == null && e.state.name().equals(TESTED);
    }

    @Override
    public void entered(StateEntry e) {
      if (isTested(e) && entry == null) {
        entry = e;
      }
    }

    @Override
    public void exited(StateEntry e, String nextState) {
      if (e == entry) {
        next = nextState;
        exited = true;
      }
    }

    @Override
    public void retried(StateEntry e, int retrierIndex, String error) {}

    @Override
    public void caught(StateEntry e, int catcherIndex, String error) {
      if (e == entry) {
        caughtIndex = catcherIndex;
        caughtError = error;
      }
    }
  }

  static ArrayNode array(JsonNode node) {
    return node instanceof ArrayNode a ? a : null;
  }
}
