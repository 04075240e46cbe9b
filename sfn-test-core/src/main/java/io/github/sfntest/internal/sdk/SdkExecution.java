package io.github.sfntest.internal.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sfn.SfnClient;
import io.github.sfntest.engine.MapRunResult;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * An execution on a Step Functions API, driven through {@link SfnClient}: status and history by
 * polling (no fixed sleeps: the interval starts small and grows), callbacks and stop through the
 * API. On an sfn-test endpoint it also uses the endpoint's own actions for waiting tasks and
 * virtual time; elsewhere waiting tasks are read from the history (the token is the
 * {@code *Token*} field of the task's parameters) and activity tasks are fetched with
 * GetActivityTask.
 */
public final class SdkExecution implements Execution {

  private final SfnClient sfn;
  private final String executionArn;
  private final String stateMachineName;
  private final Optional<EndpointExtensions> extensions;
  private final boolean virtualTime;
  private final Duration timeout;
  private final Duration maxPollInterval;
  private final Runnable onEnd;
  private final Map<String, WaitingTask> fetchedActivityTasks = new HashMap<>();
  private volatile ExecutionResult result;

  public SdkExecution(SfnClient sfn, String executionArn, String stateMachineName, Optional<EndpointExtensions> extensions,
      boolean virtualTime, Duration timeout, Duration maxPollInterval, Runnable onEnd) {
    this.sfn = sfn;
    this.executionArn = executionArn;
    this.stateMachineName = stateMachineName;
    this.extensions = extensions;
    this.virtualTime = virtualTime;
    this.timeout = timeout;
    this.maxPollInterval = maxPollInterval;
    this.onEnd = onEnd;
  }

  @Override
  public String executionArn() {
    return executionArn;
  }

  @Override
  public ExecutionStatus status() {
    return status(describe());
  }

  private static ExecutionStatus status(DescribeExecutionResponse d) {
    try {
      return ExecutionStatus.valueOf(d.statusAsString());
    } catch (IllegalArgumentException | NullPointerException e) {
      return ExecutionStatus.RUNNING;
    }
  }

  private DescribeExecutionResponse describe() {
    return sfn.describeExecution(b -> b.executionArn(executionArn));
  }

  @Override
  public ExecutionHistory history() {
    List<HistoryEvent> events = new ArrayList<>();
    for (software.amazon.awssdk.services.sfn.model.HistoryEvent e
        : sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000)).events()) {
      events.add(SdkJson.event(e));
    }
    return new ExecutionHistory(events);
  }

  @Override
  public List<WaitingTask> waitingTasks() {
    if (extensions.isPresent()) {
      ObjectNode body = Json.NODES.objectNode().put("executionArn", executionArn);
      List<WaitingTask> tasks = new ArrayList<>();
      for (JsonNode t : extensions.get().call("ListWaitingTasks", body).path("tasks")) {
        tasks.add(new WaitingTask(t.path("stateName").asText(), t.path("resource").asText(), t.path("taskToken").asText(),
            Json.parse(t.path("parameters").asText("{}")), t.path("activity").asBoolean()));
      }
      return tasks;
    }
    return fromHistory(history(), false);
  }

  /**
   * Tasks waiting according to the history: scheduled, not yet answered. Callback tokens come from
   * the parameters; activity tokens from GetActivityTask when {@code fetchActivities}.
   */
  private List<WaitingTask> fromHistory(ExecutionHistory history, boolean fetchActivities) {
    if (status() != ExecutionStatus.RUNNING) {
      return List.of();
    }
    Map<Long, HistoryEvent> byId = new HashMap<>();
    for (HistoryEvent e : history) {
      byId.put(e.id(), e);
    }
    Set<Long> answered = new HashSet<>();
    for (HistoryEvent e : history) {
      if (isOutcome(e.type())) {
        HistoryEvent cur = e;
        for (int i = 0; i < 20 && cur != null; i++) {
          if (cur.type() == HistoryEventType.TASK_SCHEDULED || cur.type() == HistoryEventType.ACTIVITY_SCHEDULED) {
            answered.add(cur.id());
            break;
          }
          cur = byId.get(cur.previousEventId());
        }
      }
    }
    List<WaitingTask> tasks = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (answered.contains(e.id())) {
        continue;
      }
      String stateName = stateOf(e, byId);
      if (e.type() == HistoryEventType.TASK_SCHEDULED && e.detail("resource").orElse("").endsWith(".waitForTaskToken")) {
        JsonNode parameters = e.detail("parameters").map(Json::parse).orElse(Json.NODES.objectNode());
        String token = findToken(parameters);
        if (token != null) {
          String resource = "arn:aws:states:::" + e.detail("resourceType").orElse("") + ":" + e.detail("resource").orElse("");
          tasks.add(new WaitingTask(stateName, resource, token, parameters, false));
        }
      } else if (e.type() == HistoryEventType.ACTIVITY_SCHEDULED) {
        String resource = e.detail("resource").orElse("");
        WaitingTask known = fetchedActivityTasks.get(stateName + "@" + e.id());
        if (known != null) {
          tasks.add(known);
        } else if (fetchActivities) {
          GetActivityTaskResponse got = sfn.getActivityTask(b -> b.activityArn(resource).workerName("sfn-test"));
          if (got.taskToken() != null) {
            WaitingTask task = new WaitingTask(stateName, resource, got.taskToken(),
                got.input() == null ? Json.NODES.objectNode() : Json.parse(got.input()), true);
            fetchedActivityTasks.put(stateName + "@" + e.id(), task);
            tasks.add(task);
          }
        }
      }
    }
    return tasks;
  }

  private static boolean isOutcome(HistoryEventType type) {
    return switch (type) {
      case TASK_SUCCEEDED, TASK_FAILED, TASK_TIMED_OUT, TASK_STATE_ABORTED, ACTIVITY_SUCCEEDED, ACTIVITY_FAILED,
          ACTIVITY_TIMED_OUT -> true;
      default -> false;
    };
  }

  private static String stateOf(HistoryEvent e, Map<Long, HistoryEvent> byId) {
    HistoryEvent cur = e;
    for (int i = 0; i < 20 && cur != null; i++) {
      if (cur.type().isStateEntered()) {
        return cur.stateName().orElse("");
      }
      cur = byId.get(cur.previousEventId());
    }
    return "";
  }

  /** The task token in callback parameters: the text value of the first field named like *token*. */
  static String findToken(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().toLowerCase(java.util.Locale.ROOT).contains("token") && f.getValue().isTextual()) {
          return f.getValue().asText();
        }
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        JsonNode child = it.next();
        JsonNode parsed = child;
        if (child.isTextual() && child.asText().startsWith("{")) {
          try {
            parsed = Json.parse(child.asText()); // e.g. an SQS MessageBody sent as a JSON string
          } catch (IllegalArgumentException ignored) {
            continue;
          }
        }
        String found = findToken(parsed);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        String found = findToken(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Override
  public WaitingTask awaitTask(String stateName) {
    Poller poller = new Poller();
    while (true) {
      List<WaitingTask> tasks = extensions.isPresent() ? waitingTasks() : fromHistory(history(), true);
      for (WaitingTask task : tasks) {
        if (task.stateName().equals(stateName)) {
          return task;
        }
      }
      DescribeExecutionResponse d = describe();
      if (status(d) != ExecutionStatus.RUNNING) {
        throw new IllegalStateException("The execution ended (" + status(d) + ") before state \"" + stateName
            + "\" waited for a callback. States visited: " + history().enteredStateNames());
      }
      if (virtualTime && extensions.isPresent()) {
        throw new IllegalStateException("State \"" + stateName + "\" is not waiting for a callback, and the execution "
            + "cannot go on by itself. Waiting tasks: " + tasks.stream().map(WaitingTask::stateName).toList());
      }
      poller.pause("state \"" + stateName + "\" to wait for a callback");
    }
  }

  @Override
  public WaitingTask startActivityTask(String stateName, String workerName) {
    WaitingTask waiting = awaitTask(stateName);
    if (!waiting.activity()) {
      throw new IllegalStateException("State \"" + stateName + "\" waits for a task token, not for an activity worker: "
          + "answer it with sendTaskSuccess/sendTaskFailure");
    }
    // GetActivityTask hands out the activity's oldest task and records ActivityStarted.
    var task = sfn.getActivityTask(b -> b.activityArn(waiting.resource()).workerName(workerName));
    if (task.taskToken() == null || task.taskToken().isEmpty()) {
      throw new IllegalStateException("GetActivityTask returned no task for " + waiting.resource());
    }
    return new WaitingTask(stateName, waiting.resource(), task.taskToken(),
        task.input() == null ? waiting.parameters() : Json.parse(task.input()), true);
  }

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    try {
      Json.parse(outputJson);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The task output is not valid JSON: " + e.getMessage(), e);
    }
    call(() -> sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(outputJson)));
  }

  @Override
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    sendTaskSuccess(taskToken, Json.write(output));
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    call(() -> sfn.sendTaskFailure(b -> b.taskToken(taskToken).error(error).cause(cause)));
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    call(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(taskToken)));
  }

  private static void call(Runnable r) {
    try {
      r.run();
    } catch (SfnException e) {
      String type = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      if ("TaskDoesNotExist".equals(type) || "InvalidToken".equals(type) || "TaskTimedOut".equals(type)) {
        throw new IllegalStateException("Invalid Token: " + e.awsErrorDetails().errorMessage(), e);
      }
      throw e;
    }
  }

  @Override
  public void advanceTime(Duration duration) {
    if (!virtualTime || extensions.isEmpty()) {
      throw new UnsupportedOperationException("advanceTime needs an engine with virtual time (VIRTUAL_TIME): "
          + "this execution runs on a Step Functions API in real time");
    }
    ObjectNode body = Json.NODES.objectNode().put("executionArn", executionArn).put("milliseconds", duration.toMillis());
    extensions.get().call("AdvanceTime", body);
  }

  @Override
  public void stop(String error, String cause) {
    try {
      sfn.stopExecution(b -> b.executionArn(executionArn).error(error).cause(cause));
    } catch (SfnException e) {
      if (status() == ExecutionStatus.RUNNING) {
        throw e;
      }
      // already ended: StopExecution is a no-op in-process too
    }
  }

  @Override
  public Optional<String> notRedrivableReason() {
    DescribeExecutionResponse d = describe();
    return d.redriveStatus() == software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus.REDRIVABLE
        ? Optional.empty()
        : Optional.ofNullable(d.redriveStatusReason()).or(() -> Optional.of(String.valueOf(d.redriveStatusAsString())));
  }

  /** RedriveExecution through the API; AWS's ExecutionNotRedrivable becomes {@link ExecutionNotRedrivableException}. */
  @Override
  public Execution redrive() {
    try {
      sfn.redriveExecution(b -> b.executionArn(executionArn));
    } catch (software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException e) {
      throw new io.github.sfntest.engine.ExecutionNotRedrivableException(executionArn,
          notRedrivableReason().orElse(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
    }
    result = null;
    return this;
  }

  @Override
  public ExecutionResult awaitCompletion() {
    if (result != null) {
      return result;
    }
    if (virtualTime && extensions.isPresent()) {
      try {
        extensions.get().call("AwaitCompletion", Json.NODES.objectNode().put("executionArn", executionArn));
      } catch (EndpointExtensions.ExtensionException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    Poller poller = new Poller();
    DescribeExecutionResponse d = describe();
    while (status(d) == ExecutionStatus.RUNNING) {
      poller.pause("the execution to end");
      d = describe();
    }
    ExecutionHistory history = history();
    result = io.github.sfntest.internal.result.Results.execution(
        executionArn,
        stateMachineName,
        status(d),
        d.input() == null ? Json.NODES.objectNode() : Json.parse(d.input()),
        d.output() == null ? null : Json.parse(d.output()),
        d.error(),
        d.cause(),
        d.startDate(),
        d.stopDate(),
        history,
        childExecutions(history),
        mapRuns(history));
    onEnd.run();
    return result;
  }

  /**
   * The executions this one started through states:startExecution, found as a client of the real
   * API finds them: the ExecutionArn in the task's submitted or succeeded output.
   */
  private List<ExecutionResult> childExecutions(ExecutionHistory history) {
    java.util.LinkedHashSet<String> arns = new java.util.LinkedHashSet<>();
    for (HistoryEvent event : history.events()) {
      if ((event.type() == io.github.sfntest.history.HistoryEventType.TASK_SUBMITTED
              || event.type() == io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED)
          && "states".equals(event.detail("resourceType").orElse(""))
          && event.detail("resource").orElse("").startsWith("startExecution")) {
        try {
          event.output().map(o -> o.path("ExecutionArn").asText(null)).ifPresent(arn -> {
            if (arn != null) {
              arns.add(arn);
            }
          });
        } catch (IllegalArgumentException notJson) {
          // a malformed output names no child
        }
      }
    }
    List<ExecutionResult> children = new ArrayList<>();
    for (String arn : arns) {
      String[] parts = arn.split(":");
      String machine = parts.length > 6 ? parts[6] : arn;
      try {
        sfn.describeExecution(b -> b.executionArn(arn));
      } catch (software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException
          | software.amazon.awssdk.services.sfn.model.InvalidArnException mocked) {
        continue; // a mocked startExecution names an execution that never ran
      }
      children.add(new SdkExecution(sfn, arn, machine, extensions, virtualTime, timeout, maxPollInterval, () -> {})
          .awaitCompletion());
    }
    return children;
  }

  /**
   * The Map Runs of the Distributed Map states in {@code history}, read as a client of the API
   * reads them: DescribeMapRun, its children from ListExecutions(mapRunArn) (listed newest first:
   * reversed into item order), their results, and the run's error from its MapRunFailed event. The
   * batch count and the children's type come from the definition (DescribeStateMachineForExecution);
   * the ResultWriter's details are not in the API.
   */
  private List<MapRunResult> mapRuns(ExecutionHistory history) {
    List<HistoryEvent> events = history.events();
    List<MapRunResult> runs = new ArrayList<>();
    Map<Long, HistoryEvent> byId = new HashMap<>();
    for (HistoryEvent e : events) {
      byId.put(e.id(), e);
    }
    Set<Long> claimed = new HashSet<>();
    JsonNode definition = null;
    for (int i = 0; i < events.size(); i++) {
      HistoryEvent started = events.get(i);
      if (started.type() != HistoryEventType.MAP_RUN_STARTED) {
        continue;
      }
      String arn = started.detail("mapRunArn").orElse(null);
      if (arn == null) {
        continue;
      }
      String stateName = stateOf(started, byId);
      String error = null;
      String cause = null;
      for (int j = i + 1; j < events.size(); j++) {
        HistoryEvent end = events.get(j);
        if (end.type() == HistoryEventType.MAP_RUN_FAILED && !claimed.contains(end.id())
            && stateOf(end, byId).equals(stateName)) {
          claimed.add(end.id());
          error = end.error().orElse(null);
          cause = end.cause().orElse(null);
          break;
        }
      }
      if (definition == null) {
        definition = Json.parse(sfn.describeStateMachineForExecution(b -> b.executionArn(executionArn)).definition());
      }
      runs.add(mapRun(arn, stateName, error, cause, mapState(definition, stateName)));
    }
    return runs;
  }

  private MapRunResult mapRun(String arn, String stateName, String error, String cause, JsonNode state) {
    DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(arn));
    List<String> childArns = new ArrayList<>();
    for (ExecutionListItem item : sfn.listExecutionsPaginator(b -> b.mapRunArn(arn).maxResults(1000)).executions()) {
      childArns.add(item.executionArn());
    }
    java.util.Collections.reverse(childArns);
    List<ExecutionResult> children = new ArrayList<>();
    for (String child : childArns) {
      children.add(new SdkExecution(sfn, child, stateMachineName, extensions, virtualTime, timeout, maxPollInterval,
          () -> {}).awaitCompletion());
    }
    // the run's label is the ARN's part after the state machine name: mapRun:<machine>/<label>:<id>
    String resource = arn.substring(0, arn.lastIndexOf(':'));
    String label = resource.contains("/") ? resource.substring(resource.indexOf('/') + 1) : null;
    JsonNode processorConfig = state.path("ItemProcessor").path("ProcessorConfig");
    boolean batched = state.has("ItemBatcher");
    return io.github.sfntest.internal.result.Results.mapRun(
        arn,
        stateName,
        stateName.equals(label) ? null : label,
        processorConfig.path("ExecutionType").asText("STANDARD"),
        mapRunStatus(d.statusAsString()),
        error,
        cause,
        d.itemCounts().total().intValue(),
        batched ? d.executionCounts().total().intValue() : 0,
        d.maxConcurrency(),
        d.toleratedFailureCount(),
        d.toleratedFailurePercentage() == null ? null : d.toleratedFailurePercentage().doubleValue(),
        (int) (d.itemCounts().failed() + d.itemCounts().timedOut()),
        children,
        null,
        d.redriveCount() == null ? 0 : d.redriveCount(),
        d.redriveDate(),
        notRedrivableReasons(children));
  }

  /**
   * The {@code redriveStatusReason} of each child a redrive of the parent would not redrive; only the
   * unsuccessful ones are described again (a succeeded child's reason is always the same).
   */
  private Map<String, String> notRedrivableReasons(List<ExecutionResult> children) {
    Map<String, String> reasons = new HashMap<>();
    for (ExecutionResult child : children) {
      if (child.status() == ExecutionStatus.SUCCEEDED) {
        reasons.put(child.executionArn(), "Execution is SUCCEEDED and cannot be redriven.");
        continue;
      }
      software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse described =
          sfn.describeExecution(b -> b.executionArn(child.executionArn()));
      if (described.redriveStatusReason() != null
          && described.redriveStatus() == software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus.NOT_REDRIVABLE) {
        reasons.put(child.executionArn(), described.redriveStatusReason());
      }
    }
    return reasons;
  }

  private static ExecutionStatus mapRunStatus(String status) {
    try {
      return ExecutionStatus.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      return ExecutionStatus.RUNNING;
    }
  }

  /** The Map state named {@code name} anywhere in {@code definition} (branches, processors), or an empty node. */
  static JsonNode mapState(JsonNode definition, String name) {
    JsonNode states = definition.path("States");
    JsonNode direct = states.path(name);
    if (direct.isObject() && "Map".equals(direct.path("Type").asText())) {
      return direct;
    }
    for (JsonNode state : states) {
      List<JsonNode> nested = new ArrayList<>();
      state.path("Branches").forEach(nested::add);
      nested.add(state.path("ItemProcessor"));
      nested.add(state.path("Iterator"));
      for (JsonNode n : nested) {
        if (n.isObject()) {
          JsonNode found = mapState(n, name);
          if (!found.isMissingNode()) {
            return found;
          }
        }
      }
    }
    return Json.NODES.missingNode();
  }

  /** Backing-off poll interval (10 ms, growing to the maximum) with an overall deadline. */
  private final class Poller {
    private final long deadline = System.nanoTime() + timeout.toNanos();
    private long intervalMillis = 10;

    void pause(String waitingFor) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out after " + timeout + " waiting for " + waitingFor + " of " + executionArn);
      }
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for " + waitingFor, e);
      }
      intervalMillis = Math.min(maxPollInterval.toMillis(), Math.max(intervalMillis + 1, intervalMillis * 3 / 2));
    }
  }
}
