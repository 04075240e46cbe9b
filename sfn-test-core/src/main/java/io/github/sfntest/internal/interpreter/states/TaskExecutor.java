package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.HistoryContext;
import io.github.sfntest.internal.interpreter.HistoryRecorder;
import io.github.sfntest.internal.interpreter.IntegrationParameters;
import io.github.sfntest.internal.interpreter.PendingTask;
import io.github.sfntest.internal.interpreter.Scheduler;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.interpreter.SubmitResponses;
import io.github.sfntest.internal.interpreter.TaskResource;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.EvalEnv;
import io.github.sfntest.internal.query.Query;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Duration;

/**
 * Task: schedules the call, asks the task handler, and completes the attempt on its outcome, a
 * callback, a time-out or a child execution's end. The completion methods are public because
 * callbacks and child executions arrive from outside the state.
 */
public final class TaskExecutor implements StateExecutor {

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Task task = (State.Task) entry.state;
    TaskResource resource = TaskResource.parse(task.resource());
    if (resource.kind() == TaskResource.Kind.UNKNOWN) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The resource '" + task.resource() + "' is not a valid Task resource ARN"
              + (task.resource().contains("${") ? " (a ${...} definition substitution may be missing)." : "."));
    }
    if (resource.pattern() == TaskResource.Pattern.WAIT_FOR_TASK_TOKEN) {
      entry.taskToken = ctx.newTaskToken();
    }
    JsonNode params = ctx.io().effectiveInput(entry);
    StateEnv env = ctx.env(entry, entry.rawInput);
    Integer timeout = task.timeoutSeconds();
    Integer heartbeat = task.heartbeatSeconds();
    if (task.common().jsonata()) {
      env.lazyStates(null, null);
      if (task.timeoutSecondsExpr() != null) {
        timeout = task.timeoutSecondsExpr().evaluate(env).asInt();
      }
      if (task.heartbeatSecondsExpr() != null) {
        heartbeat = task.heartbeatSecondsExpr().evaluate(env).asInt();
      }
    } else {
      JsonNode afterInputPath = task.common().inputPath().apply(env);
      if (task.timeoutSecondsPath() != null) {
        timeout = positiveSeconds(task.timeoutSecondsPath(), env.with(afterInputPath), "TimeoutSecondsPath");
      }
      if (task.heartbeatSecondsPath() != null) {
        heartbeat = positiveSeconds(task.heartbeatSecondsPath(), env.with(afterInputPath), "HeartbeatSecondsPath");
      }
    }
    if (resource.kind() == TaskResource.Kind.ACTIVITY && !ctx.activityExists(resource.arn())) {
      // As AWS records it: the state fails before ActivityScheduled, States.Runtime with the state's prefix.
      throw new StatesException(StatesErrors.RUNTIME, "The activity " + resource.arn() + " does not exist.");
    }
    IntegrationParameters.check(resource, params);
    schedule(ctx, entry, task, resource, params, timeout, heartbeat);
  }

  private static int positiveSeconds(String path, EvalEnv env, String field) {
    JsonNode value = Query.readPath(path, env);
    if (!value.isIntegralNumber() || value.asLong() <= 0) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The " + field + " field refers to value " + Json.write(value) + " which is not a valid positive integer: " + path);
    }
    return value.asInt();
  }

  private void schedule(StateContext ctx, StateEntry entry, State.Task task, TaskResource resource, JsonNode params,
      Integer timeout, Integer heartbeat) {
    HistoryContext h = entry.frame.history;
    switch (resource.kind()) {
      case LAMBDA_FUNCTION, ACTIVITY -> {
        ObjectNode details = Json.NODES.objectNode();
        details.put("resource", resource.arn());
        details.put("input", Json.write(params));
        details.set("inputDetails", HistoryRecorder.NOT_TRUNCATED);
        if (timeout != null) {
          details.put("timeoutInSeconds", timeout);
        }
        boolean activity = resource.kind() == TaskResource.Kind.ACTIVITY;
        if (activity && heartbeat != null) {
          details.put("heartbeatInSeconds", heartbeat);
        }
        // LambdaFunctionScheduledEventDetails carries taskCredentials as TaskScheduled does
        // (API reference); ActivityScheduledEventDetails has no such member.
        if (!activity && task.credentials() != null) {
          details.set("taskCredentials", credentials(ctx, entry, task.credentials()));
        }
        ctx.emit(h, activity ? HistoryEventType.ACTIVITY_SCHEDULED : HistoryEventType.LAMBDA_FUNCTION_SCHEDULED,
            details, true);
      }
      default -> {
        JsonNode credentials = task.credentials() != null ? credentials(ctx, entry, task.credentials()) : null;
        String region = ctx.settings().region();
        ctx.emitLazy(h, HistoryEventType.TASK_SCHEDULED, () -> {
          ObjectNode details = Json.NODES.objectNode();
          details.put("resourceType", resource.resourceType());
          details.put("resource", resource.resource());
          details.put("region", region);
          details.put("parameters", Json.write(params));
          if (timeout != null) {
            details.put("timeoutInSeconds", timeout);
          }
          if (heartbeat != null) {
            details.put("heartbeatInSeconds", heartbeat);
          }
          if (credentials != null) {
            details.set("taskCredentials", credentials);
          }
          return details;
        });
      }
    }
    if (!ctx.running()) {
      return;
    }
    // The call itself is a separate step, so concurrent branches interleave as they do on AWS.
    ctx.post(() -> {
      if (!entry.frame.aborted() && !entry.finished && ctx.running()) {
        start(ctx, entry, task, resource, params, timeout, heartbeat);
      }
    });
  }

  private void start(StateContext ctx, StateEntry entry, State.Task task, TaskResource resource, JsonNode params,
      Integer timeout, Integer heartbeat) {
    HistoryContext h = entry.frame.history;
    entry.attemptOpen = true;
    entry.attemptNumber++;
    entry.heartbeatExpired = false;
    if (resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
      ctx.emit(h, HistoryEventType.LAMBDA_FUNCTION_STARTED, null, true);
    } else if (resource.kind() == TaskResource.Kind.SERVICE) {
      // Built when read, like TaskScheduled's: most histories are never rendered.
      ctx.emitLazy(h, HistoryEventType.TASK_STARTED, () -> resourceDetails(resource));
    }
    String stateName = entry.state.name();
    TaskInvocation call = new TaskInvocation(
        ctx.settings().stateMachineName(),
        ctx.settings().executionArn(),
        stateName,
        task.resource(),
        params,
        ctx.nextInvocation(stateName),
        entry.retryCount,
        java.util.Optional.ofNullable(entry.taskToken),
        ctx.now());
    if (timeout != null) {
      entry.timeoutTimer = ctx.schedule(Duration.ofSeconds(timeout), () -> timedOut(ctx, entry, resource, false));
      entry.frame.cleanups.add(entry::cancelTimers);
    }
    TaskOutcome outcome;
    try {
      outcome = ctx.invoke(call);
    } catch (RuntimeException e) {
      // A test's handler threw: report it as the task's failure, like a Lambda function would.
      outcome = new TaskOutcome.Failure(e.getClass().getName(), String.valueOf(e.getMessage()), Duration.ZERO);
    }
    boolean submits = resource.pattern() != TaskResource.Pattern.REQUEST_RESPONSE
        && resource.kind() == TaskResource.Kind.SERVICE;
    if (resource.kind() == TaskResource.Kind.ACTIVITY && !(outcome instanceof TaskOutcome.AwaitCallback)
        && !(outcome instanceof TaskOutcome.NotHandled)) {
      // A mocked activity stands for a worker that picked the task up at once.
      ctx.emit(h, HistoryEventType.ACTIVITY_STARTED, Json.NODES.objectNode(), true);
    }
    if (outcome instanceof TaskOutcome.Success success) {
      if (submits) {
        submitted(ctx, entry, resource, SubmitResponses.forTask(resource, params, ctx.settings(), ctx.now()));
      }
      later(ctx, entry, success.latency(), () -> succeeded(ctx, entry, resource, success.output()));
    } else if (outcome instanceof TaskOutcome.Failure failure) {
      failLater(ctx, entry, resource, params, timeout, heartbeat, failure, submits);
    } else if (outcome instanceof TaskOutcome.AwaitCallback await) {
      awaitCallback(ctx, entry, task, resource, params, heartbeat, await.submitOutput() != null
          ? await.submitOutput() : SubmitResponses.forTask(resource, params, ctx.settings(), ctx.now()));
    } else if (outcome instanceof TaskOutcome.NotHandled notHandled) {
      if (resource.kind() == TaskResource.Kind.ACTIVITY || resource.pattern() == TaskResource.Pattern.WAIT_FOR_TASK_TOKEN) {
        // Nothing mocks it: the task waits for the test to answer, as it would wait on AWS.
        awaitCallback(ctx, entry, task, resource, params, heartbeat,
            SubmitResponses.forTask(resource, params, ctx.settings(), ctx.now()));
      } else if (!(resource.startsExecution() && ctx.startChildExecution(entry, resource, params, this))) {
        ctx.missingMock(missingMockCause(entry.state.name(), resource, notHandled.reason()));
      }
    }
  }

  /**
   * The handler's reason, prefixed with the state and resource when it does not name them (a
   * bare {@code TaskHandler.none()}, e.g. behind the endpoint), so every front end says which
   * task needs a mock.
   */
  static String missingMockCause(String stateName, TaskResource resource, String reason) {
    if (reason != null && reason.contains("'" + stateName + "'") || reason != null && reason.contains("\"" + stateName + "\"")) {
      return reason;
    }
    return "The task state '" + stateName + "' (resource " + resource.arn() + ") has no mock"
        + (reason == null ? "" : ": " + reason)
        + ". Mock it with MockedResponses.onState(\"" + stateName + "\") or a MockConfigFile test case.";
  }

  private void failLater(StateContext ctx, StateEntry entry, TaskResource resource, JsonNode params, Integer timeout,
      Integer heartbeat, TaskOutcome.Failure failure, boolean submits) {
    boolean timedOut = StatesErrors.TIMEOUT.equals(failure.error()) || StatesErrors.HEARTBEAT_TIMEOUT.equals(failure.error());
    if (submits) {
      submitted(ctx, entry, resource, SubmitResponses.forTask(resource, params, ctx.settings(), ctx.now()));
    }
    Duration delay = failure.latency();
    if (timedOut && delay.isZero()) {
      // A mocked timeout happens when the real one would: at the heartbeat or the timeout.
      Integer seconds = StatesErrors.HEARTBEAT_TIMEOUT.equals(failure.error()) && heartbeat != null ? heartbeat
          : timeout != null ? timeout : heartbeat;
      if (seconds != null) {
        delay = Duration.ofSeconds(seconds);
      }
    }
    later(ctx, entry, delay, () -> {
      if (timedOut) {
        timedOutWith(ctx, entry, resource, failure.error(), failure.cause());
      } else {
        failed(ctx, entry, resource, failure.error(), failure.cause());
      }
    });
  }

  private void awaitCallback(StateContext ctx, StateEntry entry, State.Task task, TaskResource resource,
      JsonNode params, Integer heartbeat, JsonNode submitOutput) {
    if (resource.kind() == TaskResource.Kind.SERVICE) {
      submitted(ctx, entry, resource, submitOutput);
    }
    if (entry.taskToken == null) {
      entry.taskToken = ctx.newTaskToken();
    }
    ctx.awaitCallback(new PendingTask(entry.taskToken, entry.state.name(), task.resource(), params, entry, resource,
        heartbeat, resource.kind() == TaskResource.Kind.ACTIVITY));
    if (heartbeat != null) {
      entry.heartbeatTimer = heartbeatTimer(ctx, entry, resource, heartbeat);
    }
  }

  /** Times the task out if no heartbeat (or outcome) arrives within {@code seconds}. */
  public Scheduler.Timer heartbeatTimer(StateContext ctx, StateEntry entry, TaskResource resource, int seconds) {
    return ctx.schedule(Duration.ofSeconds(seconds), () -> timedOut(ctx, entry, resource, true));
  }

  /** {"RoleArn": ...} or {"RoleArn.$": path} becomes AWS's recorded {"roleArn": ...}. */
  private static JsonNode credentials(StateContext ctx, StateEntry entry, JsonNode credentials) {
    JsonNode evaluated = entry.state.common().jsonata()
        ? Query.jsonata(credentials, "Credentials").evaluate(ctx.env(entry, entry.rawInput).lazyStates(null, null))
        : Query.template(credentials).evaluate(ctx.env(entry, entry.rawInput));
    ObjectNode recorded = Json.NODES.objectNode();
    evaluated.properties().iterator().forEachRemaining(e -> recorded.set(
        Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1), e.getValue()));
    return recorded;
  }

  /** Runs {@code action} after {@code latency}, if this attempt is still the current one. */
  public void later(StateContext ctx, StateEntry entry, Duration latency, Runnable action) {
    if (latency.isZero() || latency.isNegative()) {
      action.run();
      return;
    }
    // The outcome belongs to this attempt only: a timed-out attempt's late result is discarded.
    int attempt = entry.attemptNumber;
    Scheduler.Timer timer = ctx.schedule(latency, () -> {
      if (!entry.frame.aborted() && !entry.finished && ctx.running() && entry.attemptNumber == attempt) {
        action.run();
      }
    });
    entry.frame.cleanups.add(timer::cancel);
  }

  private static ObjectNode resourceDetails(TaskResource resource) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("resourceType", resource.resourceType());
    details.put("resource", resource.resource());
    return details;
  }

  /** True once per attempt: the first outcome (result, failure, timeout) wins. */
  private static boolean closeAttempt(StateContext ctx, StateEntry entry) {
    if (!entry.attemptOpen || entry.finished || entry.frame.aborted() || !ctx.running()) {
      return false;
    }
    entry.attemptOpen = false;
    return true;
  }

  public void submitted(StateContext ctx, StateEntry entry, TaskResource resource, JsonNode submitOutput) {
    ObjectNode details = resourceDetails(resource);
    details.put("output", Json.write(submitOutput));
    details.set("outputDetails", HistoryRecorder.NOT_TRUNCATED);
    ctx.emit(entry.frame.history, HistoryEventType.TASK_SUBMITTED, details, true);
  }

  public void succeeded(StateContext ctx, StateEntry entry, TaskResource resource, JsonNode taskOutput) {
    if (!closeAttempt(ctx, entry)) {
      return;
    }
    entry.cancelTimers();
    boolean tooLarge;
    try {
      tooLarge = ctx.io().exceedsPayloadLimit(taskOutput);
    } catch (io.github.sfntest.internal.json.JsonLimitException e) {
      // A result nested beyond what can be written as JSON (a mock built in Java) fails the task, not the test.
      recordFailure(ctx, entry, resource, StatesErrors.RUNTIME, "The state/task '" + resource.arn()
          + "' returned a result that cannot be written as JSON: " + e.getMessage() + ".", false);
      return;
    }
    if (tooLarge) {
      recordFailure(ctx, entry, resource, StatesErrors.DATA_LIMIT_EXCEEDED,
          "The state/task '" + resource.arn() + "' returned a result with a size exceeding the maximum number of bytes service limit.",
          false);
      return;
    }
    HistoryEventType type = switch (resource.kind()) {
      case LAMBDA_FUNCTION -> HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED;
      case ACTIVITY -> HistoryEventType.ACTIVITY_SUCCEEDED;
      default -> HistoryEventType.TASK_SUCCEEDED;
    };
    ctx.emitLazy(entry.frame.history, type, () -> {
      ObjectNode details = Json.NODES.objectNode();
      if (type == HistoryEventType.TASK_SUCCEEDED) {
        details.setAll(resourceDetails(resource));
      }
      details.put("output", Json.write(taskOutput));
      details.set("outputDetails", HistoryRecorder.NOT_TRUNCATED);
      return details;
    });
    if (!ctx.running()) {
      return;
    }
    try {
      ctx.io().finish(entry, taskOutput);
    } catch (StatesException e) {
      ctx.fail(entry, e);
    }
  }

  public void failed(StateContext ctx, StateEntry entry, TaskResource resource, String err, String errCause) {
    if (closeAttempt(ctx, entry)) {
      recordFailure(ctx, entry, resource, err, errCause, false);
    }
  }

  /** Records the attempt's failure or time-out (attempt already closed), then Retry/Catch. */
  private void recordFailure(StateContext ctx, StateEntry entry, TaskResource resource, String err, String errCause,
      boolean timedOut) {
    entry.cancelTimers();
    if (entry.taskToken != null) {
      ctx.forgetCallback(entry.taskToken);
    }
    ObjectNode details = HistoryRecorder.errorDetails(err, errCause);
    HistoryEventType type = switch (resource.kind()) {
      case LAMBDA_FUNCTION -> timedOut ? HistoryEventType.LAMBDA_FUNCTION_TIMED_OUT : HistoryEventType.LAMBDA_FUNCTION_FAILED;
      case ACTIVITY -> timedOut ? HistoryEventType.ACTIVITY_TIMED_OUT : HistoryEventType.ACTIVITY_FAILED;
      default -> {
        details.setAll(resourceDetails(resource));
        yield timedOut ? HistoryEventType.TASK_TIMED_OUT : HistoryEventType.TASK_FAILED;
      }
    };
    ctx.emit(entry.frame.history, type, details, true);
    ctx.post(() -> ctx.handleError(entry, err, errCause));
  }

  private void timedOut(StateContext ctx, StateEntry entry, TaskResource resource, boolean heartbeat) {
    ctx.forgetCallback(entry.taskToken);
    // AWS records a missed heartbeat as States.Timeout; States.HeartbeatTimeout still catches it.
    entry.heartbeatExpired = heartbeat;
    timedOutWith(ctx, entry, resource, StatesErrors.TIMEOUT, null);
  }

  private void timedOutWith(StateContext ctx, StateEntry entry, TaskResource resource, String err, String errCause) {
    if (closeAttempt(ctx, entry)) {
      recordFailure(ctx, entry, resource, err, errCause, true);
    }
  }
}
