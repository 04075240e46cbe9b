package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.Branch;
import io.github.sfntest.internal.asl.Catcher;
import io.github.sfntest.internal.asl.Retrier;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.asl.StateMachineModel;
import io.github.sfntest.internal.asl.StateType;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.EvalEnv;
import io.github.sfntest.internal.query.Query;
import io.github.sfntest.internal.query.ValueExpr;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One execution of a state machine on the virtual-time scheduler. All state logic runs on the
 * thread that drives the scheduler; nothing here is shared between executions.
 */
public final class ExecutionRun {

  static final DateTimeFormatter AWS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final StateMachineModel model;
  private final RunSettings settings;
  private final JsonNode input;
  private final TaskHandler handler;
  private final Scheduler scheduler;
  private final Random random;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final Map<String, Integer> invocationCounters;
  private final LinkedHashMap<String, PendingTask> pending = new LinkedHashMap<>();
  private long nextEventId = 1;
  private ExecutionStatus status = ExecutionStatus.RUNNING;
  private JsonNode output;
  private String error;
  private String cause;
  private Instant stopDate;
  private String missingMock;
  private Frame root;
  private ObjectNode executionContext;
  private ChildExecutions childExecutions;
  private final List<ExecutionRun> children = new ArrayList<>();
  private ObjectNode stateMachineContext;

  public ExecutionRun(StateMachineModel model, RunSettings settings, JsonNode input, TaskHandler handler) {
    this(model, settings, input, handler, new Scheduler(settings.startTime()), new HashMap<>());
  }

  /** A Distributed Map child: its own history, on the parent's clock, sharing its mock counters. */
  private ExecutionRun(StateMachineModel model, RunSettings settings, JsonNode input, TaskHandler handler,
      Scheduler scheduler, Map<String, Integer> invocationCounters) {
    this.model = model;
    this.settings = settings;
    this.input = input;
    this.handler = handler;
    this.scheduler = scheduler;
    this.invocationCounters = invocationCounters;
    this.random = new Random(settings.seed());
  }

  /** A child of states:startExecution.sync: its own history and counters, on the parent's clock. */
  ExecutionRun(StateMachineModel model, RunSettings settings, JsonNode input, TaskHandler handler, ExecutionRun parent) {
    this(model, settings, input, handler, parent.scheduler, new HashMap<>());
  }

  // ---------------------------------------------------------------------------------------------
  // Driving the execution

  /** Lets states:startExecution tasks run deployed state machines as child executions. */
  public void childExecutions(ChildExecutions starter) {
    this.childExecutions = starter;
  }

  ChildExecutions childExecutionStarter() {
    return childExecutions;
  }

  /** This (not yet started) run, rebuilt to run on {@code parent}'s scheduler with its own counters. */
  ExecutionRun onSchedulerOf(ExecutionRun parent) {
    ExecutionRun moved = new ExecutionRun(model, settings, input, handler, parent);
    moved.childExecutions = childExecutions;
    moved.s3Fixture = s3Fixture;
    return moved;
  }

  /** Records ExecutionStarted and queues the first state. */
  public void start() {
    ObjectNode details = Json.NODES.objectNode();
    details.put("input", Json.write(input));
    details.set("inputDetails", notTruncated());
    details.put("roleArn", settings.roleArn());
    emit(new HistoryContext(0), HistoryEventType.EXECUTION_STARTED, details, true);
    // AWS links the first state's Entered event to event 0, not to ExecutionStarted.
    root = new Frame(null, model.root(), new VariableScope(null), new HistoryContext(0), new RootListener());
    if (model.timeoutSeconds() != null) {
      scheduler.schedule(Duration.ofSeconds(model.timeoutSeconds()), this::executionTimedOut);
    }
    Branch branch = model.root();
    scheduler.post(() -> enterState(root, branch.startAt(), input));
  }

  /**
   * Runs until the execution ends or must wait. With {@code skipTime}, timers (Wait states, retry
   * intervals, timeouts) fire at once in virtual time; without, virtual time does not move and
   * the run stops at the first wait, so a test can act before anything times out.
   */
  public void runUntilIdle(boolean skipTime) {
    while (true) {
      scheduler.drainReady();
      if (status != ExecutionStatus.RUNNING || !skipTime || !scheduler.fireNextTimer()) {
        return;
      }
    }
  }

  /** Skips virtual time until the execution ends or something waits for a callback or worker. */
  public void runUntilBlocked() {
    while (true) {
      scheduler.drainReady();
      if (status != ExecutionStatus.RUNNING || !pendingTasks().isEmpty() || !scheduler.fireNextTimer()) {
        return;
      }
    }
  }

  /** Moves virtual time forward by {@code duration}, firing every timer due on the way. */
  public void advanceTime(Duration duration) {
    Instant target = scheduler.now().plus(duration);
    while (status == ExecutionStatus.RUNNING) {
      scheduler.drainReady();
      Instant due = scheduler.nextTimerDue();
      if (due == null || due.isAfter(target)) {
        break;
      }
      scheduler.fireNextTimer();
    }
    scheduler.drainReady();
    scheduler.advanceTo(target);
  }

  /** Fires the next due timer (and everything it unblocks); no-op when none is scheduled. */
  public void advanceToNextTimer() {
    scheduler.drainReady();
    if (status == ExecutionStatus.RUNNING && scheduler.fireNextTimer()) {
      scheduler.drainReady();
    }
  }

  public boolean finished() {
    return status != ExecutionStatus.RUNNING;
  }

  public ExecutionStatus status() {
    return status;
  }

  public Instant now() {
    return scheduler.now();
  }

  public List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  /** Why the execution failed for lack of a mock, if it did (the test, not the machine, is wrong). */
  public String missingMock() {
    return missingMock;
  }

  public String executionArn() {
    return settings.executionArn();
  }

  public ExecutionResult result() {
    List<ExecutionResult> childResults = new ArrayList<>();
    for (ExecutionRun child : children) {
      childResults.add(child.result());
    }
    return new ExecutionResult(
        settings.executionArn(),
        settings.stateMachineName(),
        status,
        input,
        output,
        error,
        cause,
        settings.startTime(),
        stopDate,
        new ExecutionHistory(events),
        childResults,
        mapRunResults());
  }

  /**
   * Tasks waiting for a callback or an activity worker, oldest first, including those of running
   * Distributed Map children (they answer through this execution, as on AWS through the token).
   */
  public List<PendingTask> pendingTasks() {
    List<PendingTask> all = new ArrayList<>(pending.values());
    for (ExecutionRun child : children) {
      if (child.scheduler == scheduler && !child.finished()) {
        all.addAll(child.pendingTasks());
      }
    }
    for (DistributedMapRun mapRun : mapRuns) {
      for (ExecutionRun child : mapRun.running.values()) {
        all.addAll(child.pendingTasks());
      }
    }
    return all;
  }

  /** The run (this one or a Map Run child) whose task waits for {@code token}, or this one. */
  private ExecutionRun ownerOf(String token) {
    if (pending.containsKey(token)) {
      return this;
    }
    for (ExecutionRun child : children) {
      if (child.scheduler == scheduler && !child.finished()) {
        ExecutionRun owner = child.ownerOf(token);
        if (owner.pending.containsKey(token)) {
          return owner;
        }
      }
    }
    for (DistributedMapRun mapRun : mapRuns) {
      for (ExecutionRun child : mapRun.running.values()) {
        ExecutionRun owner = child.ownerOf(token);
        if (owner.pending.containsKey(token)) {
          return owner;
        }
      }
    }
    return this;
  }

  public void sendTaskSuccess(String token, JsonNode taskOutput) {
    ExecutionRun owner = ownerOf(token);
    PendingTask task = owner.takePending(token);
    scheduler.post(() -> owner.taskSucceeded(task.entry, task.resource, taskOutput));
  }

  public void sendTaskFailure(String token, String taskError, String taskCause) {
    ExecutionRun owner = ownerOf(token);
    PendingTask task = owner.takePending(token);
    scheduler.post(() -> owner.taskFailed(task.entry, task.resource, taskError, taskCause));
  }

  public void sendTaskHeartbeat(String token) {
    ExecutionRun owner = ownerOf(token);
    if (owner != this) {
      owner.sendTaskHeartbeat(token);
      return;
    }
    PendingTask task = pending.get(token);
    if (task == null) {
      throw new TaskTokenException("Invalid Token: no task is waiting for token " + token);
    }
    StateEntry entry = task.entry;
    if (entry.heartbeatTimer != null && task.heartbeatSeconds != null) {
      entry.heartbeatTimer.cancel();
      entry.heartbeatTimer = scheduler.schedule(
          Duration.ofSeconds(task.heartbeatSeconds), () -> taskTimedOut(entry, task.resource, true));
    }
  }

  /** An activity worker took the task: records ActivityStarted. */
  public void activityStarted(String token, String workerName) {
    ExecutionRun owner = ownerOf(token);
    if (owner != this) {
      owner.activityStarted(token, workerName);
      return;
    }
    PendingTask task = pending.get(token);
    if (task == null) {
      throw new TaskTokenException("Invalid Token: no activity task is waiting for token " + token);
    }
    if (task.started) {
      return;
    }
    task.started = true;
    ObjectNode details = Json.NODES.objectNode();
    if (workerName != null) {
      details.put("workerName", workerName);
    }
    emit(task.entry.frame.history, HistoryEventType.ACTIVITY_STARTED, details, true);
  }

  /** Stops the execution as StopExecution does. */
  public void stop(String stopError, String stopCause) {
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    abortFrame(root);
    ObjectNode details = Json.NODES.objectNode();
    if (stopError != null) {
      details.put("error", stopError);
    }
    if (stopCause != null) {
      details.put("cause", stopCause);
    }
    end(ExecutionStatus.ABORTED, null, stopError, stopCause);
    record(0, HistoryEventType.EXECUTION_ABORTED, details);
  }

  private PendingTask takePending(String token) {
    PendingTask task = pending.remove(token);
    if (task == null || status != ExecutionStatus.RUNNING) {
      throw new TaskTokenException("Invalid Token: no task is waiting for token " + token);
    }
    return task;
  }

  // ---------------------------------------------------------------------------------------------
  // History

  private long emit(HistoryContext ctx, HistoryEventType type, ObjectNode details, boolean updateSource) {
    long id = record(ctx.source, type, details);
    ctx.last = id;
    if (updateSource) {
      ctx.source = id;
    }
    return id;
  }

  /** An event linked to {@code previous} that moves no thread's history context (aborts). */
  private long record(long previous, HistoryEventType type, ObjectNode details) {
    long id = nextEventId++;
    events.add(new HistoryEvent(id, previous, scheduler.now(), type, details));
    checkHistoryLimit(type);
    return id;
  }

  private void checkHistoryLimit(HistoryEventType type) {
    if (settings.maxHistoryEvents() > 0 && events.size() >= settings.maxHistoryEvents()
        && status == ExecutionStatus.RUNNING && type != HistoryEventType.EXECUTION_FAILED) {
      failExecution(
          StatesErrors.RUNTIME,
          "The execution reached the maximum number of history events ("
              + settings.maxHistoryEvents()
              + "). AWS Step Functions limits an execution history to 25,000 events.");
    }
  }

  private static final ObjectNode NOT_TRUNCATED = Json.NODES.objectNode().put("truncated", false);

  /** {"truncated": false}, shared: history details are read-only. */
  private static ObjectNode notTruncated() {
    return NOT_TRUNCATED;
  }

  private static ObjectNode stateEnteredDetails(String name, JsonNode stateInput) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("name", name);
    details.put("input", Json.write(stateInput));
    details.set("inputDetails", NOT_TRUNCATED);
    return details;
  }

  /** Records an event whose payload strings are rendered only if someone reads them. */
  private long emitLazy(HistoryContext ctx, HistoryEventType type, java.util.function.Supplier<ObjectNode> details) {
    long id = nextEventId++;
    events.add(HistoryEvent.withLazyDetails(id, ctx.source, scheduler.now(), type, details));
    ctx.last = id;
    ctx.source = id;
    checkHistoryLimit(type);
    return id;
  }

  private static HistoryEventType entered(StateType type) {
    return switch (type) {
      case PASS -> HistoryEventType.PASS_STATE_ENTERED;
      case TASK -> HistoryEventType.TASK_STATE_ENTERED;
      case CHOICE -> HistoryEventType.CHOICE_STATE_ENTERED;
      case WAIT -> HistoryEventType.WAIT_STATE_ENTERED;
      case SUCCEED -> HistoryEventType.SUCCEED_STATE_ENTERED;
      case FAIL -> HistoryEventType.FAIL_STATE_ENTERED;
      case PARALLEL -> HistoryEventType.PARALLEL_STATE_ENTERED;
      case MAP -> HistoryEventType.MAP_STATE_ENTERED;
    };
  }

  private static HistoryEventType exited(StateType type) {
    return switch (type) {
      case PASS -> HistoryEventType.PASS_STATE_EXITED;
      case TASK -> HistoryEventType.TASK_STATE_EXITED;
      case CHOICE -> HistoryEventType.CHOICE_STATE_EXITED;
      case WAIT -> HistoryEventType.WAIT_STATE_EXITED;
      case SUCCEED -> HistoryEventType.SUCCEED_STATE_EXITED;
      case PARALLEL -> HistoryEventType.PARALLEL_STATE_EXITED;
      case MAP -> HistoryEventType.MAP_STATE_EXITED;
      case FAIL -> throw new IllegalStateException("Fail states do not exit");
    };
  }

  private static HistoryEventType aborted(StateType type) {
    return switch (type) {
      case TASK -> HistoryEventType.TASK_STATE_ABORTED;
      case WAIT -> HistoryEventType.WAIT_STATE_ABORTED;
      case PARALLEL -> HistoryEventType.PARALLEL_STATE_ABORTED;
      case MAP -> HistoryEventType.MAP_STATE_ABORTED;
      default -> null;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Ending

  private void end(ExecutionStatus endStatus, JsonNode endOutput, String endError, String endCause) {
    status = endStatus;
    output = endOutput;
    error = endError;
    cause = endCause;
    stopDate = scheduler.now();
    for (PendingTask task : pending.values()) {
      task.entry.cancelTimers();
    }
    pending.clear();
    if (endListener != null) {
      // Posted, so the parent hears of a child's end after its terminal event is recorded.
      scheduler.post(() -> endListener.accept(this));
    }
  }

  private final class RootListener implements Frame.Listener {
    @Override
    public void succeeded(Frame frame, JsonNode out) {
      if (status != ExecutionStatus.RUNNING) {
        return;
      }
      ObjectNode details = Json.NODES.objectNode();
      details.put("output", Json.write(out));
      details.set("outputDetails", notTruncated());
      end(ExecutionStatus.SUCCEEDED, out, null, null);
      emit(frame.history, HistoryEventType.EXECUTION_SUCCEEDED, details, true);
    }

    @Override
    public void failed(Frame frame, String failError, String failCause) {
      if (status != ExecutionStatus.RUNNING) {
        return;
      }
      end(ExecutionStatus.FAILED, null, failError, failCause);
      emit(frame.history, HistoryEventType.EXECUTION_FAILED, errorDetails(failError, failCause), true);
    }
  }

  private static ObjectNode errorDetails(String err, String errCause) {
    ObjectNode details = Json.NODES.objectNode();
    if (err != null) {
      details.put("error", err);
    }
    if (errCause != null) {
      details.put("cause", errCause);
    }
    return details;
  }

  /** Ends the whole execution at once, whatever frame is running (Runtime errors, limits). */
  private void failExecution(String failError, String failCause) {
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    abortFrame(root);
    end(ExecutionStatus.FAILED, null, failError, failCause);
    emit(root.history, HistoryEventType.EXECUTION_FAILED, errorDetails(failError, failCause), true);
  }

  private void executionTimedOut() {
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    abortFrame(root);
    end(ExecutionStatus.TIMED_OUT, null, null, null);
    emit(root.history, HistoryEventType.EXECUTION_TIMED_OUT, Json.NODES.objectNode(), true);
  }

  /** Records "*StateAborted" for the state a torn-down branch or iteration was running. */
  private void stateAborted(Frame frame, long link) {
    StateEntry current = frame.current;
    if (current != null && !current.finished) {
      HistoryEventType type = aborted(current.state.type());
      if (type != null) {
        current.finished = true;
        current.cancelTimers();
        record(link, type, null);
      }
    }
  }

  private void abortFrame(Frame frame) {
    frame.done = true;
    for (Runnable cleanup : frame.cleanups) {
      cleanup.run();
    }
    frame.cleanups.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // States

  private void enterState(Frame frame, String name, JsonNode stateInput) {
    if (frame.aborted() || status != ExecutionStatus.RUNNING) {
      return;
    }
    State state = frame.branch.state(name);
    if (state == null) {
      failExecution(StatesErrors.RUNTIME, "The state '" + name + "' does not exist in the state machine.");
      return;
    }
    long enteredPrevious = frame.history.source;
    long id = emitLazy(frame.history, entered(state.type()), () -> stateEnteredDetails(name, stateInput));
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    StateEntry entry = new StateEntry(frame, state, stateInput, id, scheduler.now());
    entry.enteredPreviousId = enteredPrevious;
    frame.current = entry;
    runState(entry);
  }

  private void runState(StateEntry entry) {
    try {
      switch (entry.state.type()) {
        case PASS -> runPass(entry, (State.Pass) entry.state);
        case SUCCEED -> runSucceed(entry);
        case FAIL -> runFail(entry, (State.Fail) entry.state);
        case CHOICE -> runChoice(entry, (State.Choice) entry.state);
        case WAIT -> runWait(entry, (State.Wait) entry.state);
        case TASK -> runTask(entry, (State.Task) entry.state);
        case PARALLEL -> runParallel(entry, (State.Parallel) entry.state);
        case MAP -> runMap(entry, (State.Map) entry.state);
      }
    } catch (StatesException e) {
      stateFailed(entry, e);
    }
  }

  /** A field of the state could not be evaluated, or the state itself raised an error. */
  private void stateFailed(StateEntry entry, StatesException e) {
    String errCause = e.stateScoped() ? prefix(entry) + e.cause() : e.cause();
    String err = e.error();
    if (entry.state.common().jsonata() && e.stateScoped() && StatesErrors.RUNTIME.equals(err)) {
      // JSONata states report their evaluation problems as query evaluation errors.
      err = StatesErrors.QUERY_EVALUATION_ERROR;
    }
    if (StatesErrors.QUERY_EVALUATION_ERROR.equals(err)) {
      evaluationFailed(entry, err, errCause);
    }
    handleError(entry, err, errCause);
  }

  private static final java.util.regex.Pattern FIELD_IN_CAUSE =
      java.util.regex.Pattern.compile("specified for the field '([^']*)'|^The (Timestamp|Seconds) field");

  /** AWS records where a JSONata evaluation failed before the state's failure. */
  private void evaluationFailed(StateEntry entry, String err, String errCause) {
    ObjectNode details = errorDetails(err, errCause);
    String localCause = errCause.substring(Math.min(errCause.length(), prefix(entry).length()));
    java.util.regex.Matcher m = FIELD_IN_CAUSE.matcher(localCause);
    if (m.find()) {
      details.put("location", m.group(1) != null ? m.group(1) : m.group(2));
    }
    details.put("state", entry.state.name());
    HistoryContext h = entry.frame.history;
    // Wait states link it to their Entered event, the others to the event before it.
    h.source = entry.state.type() == StateType.WAIT ? entry.enteredEventId : entry.enteredPreviousId;
    emit(h, HistoryEventType.EVALUATION_FAILED, details, true);
  }

  private String prefix(StateEntry entry) {
    return "An error occurred while executing the state '" + entry.state.name()
        + "' (entered at the event id #" + entry.enteredEventId + "). ";
  }

  private void runPass(StateEntry entry, State.Pass pass) {
    if (pass.common().jsonata()) {
      finish(entry, null);
      return;
    }
    JsonNode effective = effectiveInput(entry);
    finish(entry, pass.result() != null ? pass.result() : effective);
  }

  private void runSucceed(StateEntry entry) {
    State.Common c = entry.state.common();
    JsonNode out;
    Env env = env(entry, entry.rawInput);
    if (c.jsonata()) {
      env.lazyStates(null, null);
      out = c.output() != null ? c.output().evaluate(env) : entry.rawInput;
    } else {
      JsonNode effective = c.inputPath().apply(env);
      out = c.outputPath().apply(env.withInput(effective));
    }
    exit(entry, out, null);
  }

  private void runFail(StateEntry entry, State.Fail fail) {
    Env env = env(entry, entry.rawInput);
    String failError = fail.error();
    String failCause = fail.cause();
    if (fail.common().jsonata()) {
      env.lazyStates(null, null);
      if (fail.errorExpr() != null) {
        failError = textOf(fail.errorExpr().evaluate(env));
      }
      if (fail.causeExpr() != null) {
        failCause = textOf(fail.causeExpr().evaluate(env));
      }
    } else {
      if (fail.errorPath() != null) {
        failError = textOf(pathOrIntrinsic(fail.errorPath(), env, "ErrorPath"));
      }
      if (fail.causePath() != null) {
        failCause = textOf(pathOrIntrinsic(fail.causePath(), env, "CausePath"));
      }
    }
    frameFailed(entry.frame, failError, failCause);
  }

  private JsonNode pathOrIntrinsic(String expression, Env env, String field) {
    if (io.github.sfntest.internal.intrinsics.IntrinsicFunctions.isIntrinsicCall(expression)) {
      return io.github.sfntest.internal.intrinsics.IntrinsicFunctions.parse(expression).evaluate(env, env);
    }
    return Query.read(expression, env, field);
  }

  private static String textOf(JsonNode node) {
    return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : Json.write(node);
  }

  private void runChoice(StateEntry entry, State.Choice choice) {
    State.Common c = choice.common();
    Env env = env(entry, entry.rawInput);
    JsonNode effective;
    if (c.jsonata()) {
      env.lazyStates(null, null);
      effective = entry.rawInput;
    } else {
      effective = c.inputPath().apply(env);
      env = env.with(effective);
    }
    for (State.ChoiceBranch branch : choice.choices()) {
      if (branch.condition().test(env)) {
        Map<String, JsonNode> assigned = evaluateAssign(branch.assign(), env);
        JsonNode out;
        if (c.jsonata()) {
          ValueExpr outputExpr = branch.output() != null ? branch.output() : c.output();
          out = outputExpr != null ? outputExpr.evaluate(env) : entry.rawInput;
        } else {
          out = c.outputPath().apply(env);
        }
        applyAssign(entry.frame, assigned);
        exitTo(entry, out, assigned, branch.next());
        return;
      }
    }
    if (choice.defaultNext() != null) {
      JsonNode out;
      if (c.jsonata()) {
        out = c.output() != null ? c.output().evaluate(env) : entry.rawInput;
      } else {
        out = c.outputPath().apply(env);
      }
      Map<String, JsonNode> assigned = evaluateAssign(c.assign(), env);
      applyAssign(entry.frame, assigned);
      exitTo(entry, out, assigned, choice.defaultNext());
      return;
    }
    throw new StatesException(StatesErrors.NO_CHOICE_MATCHED, "No Matches!", false);
  }

  private void runWait(StateEntry entry, State.Wait wait) {
    State.Common c = wait.common();
    Env env = env(entry, entry.rawInput);
    JsonNode effective = entry.rawInput;
    Instant due;
    if (c.jsonata()) {
      env.lazyStates(null, null);
      if (wait.secondsExpr() != null) {
        JsonNode seconds = wait.secondsExpr().evaluate(env);
        if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
          throw new StatesException(StatesErrors.RUNTIME,
              "The JSONata expression specified for the field 'Seconds' returned an invalid value: " + Json.write(seconds));
        }
        due = scheduler.now().plusSeconds(seconds.asLong());
      } else if (wait.timestampExpr() != null) {
        due = parseTimestamp(textOf(wait.timestampExpr().evaluate(env)), "Timestamp");
      } else if (wait.seconds() != null) {
        due = scheduler.now().plusSeconds(wait.seconds());
      } else {
        due = parseTimestamp(wait.timestamp(), "Timestamp");
      }
    } else {
      effective = c.inputPath().apply(env);
      if (wait.seconds() != null) {
        due = scheduler.now().plusSeconds(wait.seconds());
      } else if (wait.timestamp() != null) {
        due = parseTimestamp(wait.timestamp(), "Timestamp");
      } else if (wait.secondsPath() != null) {
        JsonNode value = Query.find(wait.secondsPath(), env.with(effective));
        String path = wait.secondsPath();
        if (value == null) {
          throw new StatesException(StatesErrors.RUNTIME,
              "The SecondsPath parameter does not reference an input value: " + path);
        }
        if (!value.isIntegralNumber()) {
          throw new StatesException(StatesErrors.RUNTIME,
              "The SecondsPath parameter cannot be parsed as a long value: " + path + " == " + textOf(value));
        }
        if (value.asLong() < 0) {
          throw new StatesException(StatesErrors.RUNTIME,
              "The SecondsPath parameter references a negative value: " + path + " == " + value.asLong());
        }
        due = scheduler.now().plusSeconds(value.asLong());
      } else {
        JsonNode value = Query.find(wait.timestampPath(), env.with(effective));
        String path = wait.timestampPath();
        if (value == null || !value.isTextual()) {
          throw new StatesException(StatesErrors.RUNTIME,
              "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                  + path + " == " + textOf(value));
        }
        try {
          due = OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
          throw new StatesException(StatesErrors.RUNTIME,
              "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                  + path + " == " + value.asText());
        }
      }
    }
    // AWS rejects waits ending more than 99999999 seconds after the execution started.
    if (Duration.between(settings.startTime(), due).getSeconds() > 99_999_999L) {
      throw new StatesException(StatesErrors.RUNTIME, "Wait state delay is too long.");
    }
    JsonNode waitInput = effective;
    Env waitEnv = env;
    Scheduler.Timer timer = scheduler.scheduleAt(due, () -> {
      if (entry.frame.aborted()) {
        return;
      }
      try {
        JsonNode out;
        if (c.jsonata()) {
          out = c.output() != null ? c.output().evaluate(waitEnv) : entry.rawInput;
        } else {
          out = c.outputPath().apply(waitEnv.with(waitInput));
        }
        Map<String, JsonNode> assigned = evaluateAssign(c.assign(), c.jsonata() ? waitEnv : waitEnv.with(waitInput));
        applyAssign(entry.frame, assigned);
        exit(entry, out, assigned);
      } catch (StatesException e) {
        stateFailed(entry, e);
      }
    });
    entry.timeoutTimer = timer;
    entry.frame.cleanups.add(timer::cancel);
  }

  private static Instant parseTimestamp(String text, String field) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The " + field + " field cannot be parsed as an ISO-8601 extended offset date-time format string: " + text);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Input/output processing shared by Pass, Task, Parallel and Map

  /** InputPath then Parameters (JSONPath), or Arguments (JSONata). */
  private JsonNode effectiveInput(StateEntry entry) {
    State.Common c = entry.state.common();
    Env env = env(entry, entry.rawInput);
    if (c.jsonata()) {
      env.lazyStates(null, null);
      return c.arguments() != null ? c.arguments().evaluate(env) : entry.rawInput;
    }
    JsonNode afterInputPath = c.inputPath().apply(env);
    return c.parameters() != null ? c.parameters().evaluate(env.with(afterInputPath)) : afterInputPath;
  }

  /** ResultSelector, Assign, ResultPath, OutputPath (JSONPath) or Assign/Output (JSONata). */
  private void finish(StateEntry entry, JsonNode result) {
    State.Common c = entry.state.common();
    Env env = env(entry, entry.rawInput);
    JsonNode out;
    Map<String, JsonNode> assigned;
    if (c.jsonata()) {
      env.lazyStates(result, null);
      assigned = evaluateAssign(c.assign(), env);
      if (c.output() != null) {
        out = c.output().evaluate(env);
      } else {
        out = result != null ? result : entry.rawInput;
      }
    } else {
      JsonNode selected = c.resultSelector() != null ? c.resultSelector().evaluate(env.with(result)) : result;
      assigned = evaluateAssign(c.assign(), env.with(selected));
      JsonNode combined = c.resultPath().apply(entry.rawInput, selected);
      out = c.outputPath().apply(env.with(combined));
    }
    applyAssign(entry.frame, assigned);
    exit(entry, out, assigned);
  }

  private Map<String, JsonNode> evaluateAssign(ValueExpr assign, EvalEnv env) {
    if (assign == null) {
      return null;
    }
    JsonNode values = assign.evaluate(env);
    Map<String, JsonNode> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = values.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      result.put(e.getKey(), e.getValue());
    }
    if (settings.maxPayloadBytes() > 0 && exceedsPayloadLimit(values)) {
      throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED,
          "The variables assigned by this state exceed the maximum size of " + settings.maxPayloadBytes()
              + " bytes for one Assign.");
    }
    return result;
  }

  /** AWS keeps at most 10 MiB of variables per execution. */
  static final long MAX_VARIABLE_BYTES = 10L * 1024 * 1024;

  private void applyAssign(Frame frame, Map<String, JsonNode> assigned) {
    if (assigned == null) {
      return;
    }
    assigned.forEach(frame.variables::set);
    if (settings.maxPayloadBytes() > 0 && frame.variables.sizeUpperBound() > MAX_VARIABLE_BYTES
        && frame.variables.exactSize() > MAX_VARIABLE_BYTES) {
      throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED,
          "The variables of this execution exceed the maximum total size of " + MAX_VARIABLE_BYTES + " bytes (10 MiB).");
    }
  }

  private void exit(StateEntry entry, JsonNode out, Map<String, JsonNode> assigned) {
    exitTo(entry, out, assigned, entry.state.common().end() ? null : entry.state.common().next());
  }

  /** Records the Exited event and moves on to {@code next}, or ends the frame when null. */
  private void exitTo(StateEntry entry, JsonNode out, Map<String, JsonNode> assigned, String next) {
    if (entry.finished || entry.frame.aborted()) {
      return;
    }
    entry.finished = true;
    entry.cancelTimers();
    // A state that passes its input on unchanged cannot exceed the limit its input met.
    if (out != entry.rawInput && exceedsPayloadLimit(out)) {
      entry.finished = false;
      handleError(entry, StatesErrors.DATA_LIMIT_EXCEEDED,
          "The state/task '" + entry.state.name()
              + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    String name = entry.state.name();
    Frame frame = entry.frame;
    emitLazy(frame.history, exited(entry.state.type()), () -> {
      ObjectNode details = Json.NODES.objectNode();
      details.put("name", name);
      details.put("output", Json.write(out));
      details.set("outputDetails", NOT_TRUNCATED);
      if (assigned != null) {
        ObjectNode vars = Json.NODES.objectNode();
        assigned.forEach((k, v) -> vars.put(k, Json.write(v)));
        details.set("assignedVariables", vars);
        details.set("assignedVariablesDetails", NOT_TRUNCATED);
      }
      return details;
    });
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    if (next != null) {
      scheduler.post(() -> enterState(frame, next, out));
    } else {
      frameSucceeded(frame, out);
    }
  }

  /** AWS's 256 KiB limit, in UTF-8 bytes; serialises only payloads that might be that large. */
  private boolean exceedsPayloadLimit(JsonNode payload) {
    int limit = settings.maxPayloadBytes();
    return limit > 0 && Json.utf8SizeUpperBound(payload) > limit && Json.utf8Size(Json.write(payload)) > limit;
  }

  private void frameSucceeded(Frame frame, JsonNode out) {
    if (frame.done) {
      return;
    }
    frame.done = true;
    frame.listener.succeeded(frame, out);
  }

  private void frameFailed(Frame frame, String failError, String failCause) {
    if (frame.done) {
      return;
    }
    frame.done = true;
    for (Runnable cleanup : frame.cleanups) {
      cleanup.run();
    }
    frame.cleanups.clear();
    frame.listener.failed(frame, failError, failCause);
  }

  // ---------------------------------------------------------------------------------------------
  // Errors: Retry and Catch

  private void handleError(StateEntry entry, String err, String errCause) {
    if (entry.finished || entry.frame.aborted() || status != ExecutionStatus.RUNNING) {
      return;
    }
    entry.cancelTimers();
    State.Common c = entry.state.common();
    boolean terminal = StatesErrors.RUNTIME.equals(err);
    if (!terminal) {
      List<Retrier> retriers = c.retriers();
      for (int i = 0; i < retriers.size(); i++) {
        Retrier retrier = retriers.get(i);
        if (matches(retrier.errorEquals(), err) || heartbeatMatch(entry, retrier.errorEquals())) {
          if (entry.attempts[i] < retrier.maxAttempts()) {
            Duration delay = retryDelay(retrier, entry.attempts[i]);
            entry.attempts[i]++;
            entry.retryCount++;
            Scheduler.Timer timer = scheduler.schedule(delay, () -> {
              if (!entry.frame.aborted() && status == ExecutionStatus.RUNNING) {
                retry(entry);
              }
            });
            entry.frame.cleanups.add(timer::cancel);
            return;
          }
          break;
        }
      }
      for (Catcher catcher : c.catchers()) {
        if (matches(catcher.errorEquals(), err) || heartbeatMatch(entry, catcher.errorEquals())) {
          givingUp(entry);
          caught(entry, catcher, err, errCause);
          return;
        }
      }
      givingUp(entry);
    }
    frameFailed(entry.frame, err, errCause);
  }

  private void givingUp(StateEntry entry) {
    if (entry.failedEvent != null) {
      emit(entry.frame.history, entry.failedEvent, null, true);
    }
  }

  private void retry(StateEntry entry) {
    try {
      switch (entry.state.type()) {
        case TASK -> runTask(entry, (State.Task) entry.state);
        case PARALLEL -> runParallel(entry, (State.Parallel) entry.state);
        case MAP -> runMap(entry, (State.Map) entry.state);
        default -> runState(entry);
      }
    } catch (StatesException e) {
      stateFailed(entry, e);
    }
  }

  private static boolean heartbeatMatch(StateEntry entry, List<String> errorEquals) {
    return entry.heartbeatExpired && errorEquals.contains(StatesErrors.HEARTBEAT_TIMEOUT);
  }

  static boolean matches(List<String> errorEquals, String err) {
    if (err == null) {
      return errorEquals.contains(StatesErrors.ALL);
    }
    for (String name : errorEquals) {
      if (name.equals(err)) {
        return true;
      }
      if (name.equals(StatesErrors.ALL)) {
        return true;
      }
      if (name.equals(StatesErrors.TASK_FAILED) && !err.equals(StatesErrors.TIMEOUT)
          && !err.equals(StatesErrors.DATA_LIMIT_EXCEEDED) && !err.startsWith("States.")) {
        return true;
      }
    }
    return false;
  }

  private Duration retryDelay(Retrier retrier, int attempt) {
    BigDecimal seconds = BigDecimal.valueOf(retrier.intervalSeconds())
        .multiply(retrier.backoffRate().pow(attempt, MathContext.DECIMAL64));
    if (retrier.maxDelaySeconds() != null && seconds.compareTo(BigDecimal.valueOf(retrier.maxDelaySeconds())) > 0) {
      seconds = BigDecimal.valueOf(retrier.maxDelaySeconds());
    }
    long millis = seconds.multiply(BigDecimal.valueOf(1000)).longValue();
    if (retrier.fullJitter()) {
      millis = (long) (random.nextDouble() * millis);
    }
    return Duration.ofMillis(millis);
  }

  private void caught(StateEntry entry, Catcher catcher, String err, String errCause) {
    ObjectNode errorOutput = Json.NODES.objectNode();
    errorOutput.put("Error", err);
    errorOutput.put("Cause", errCause);
    State.Common c = entry.state.common();
    try {
      JsonNode out;
      Map<String, JsonNode> assigned;
      Env env = env(entry, entry.rawInput);
      if (c.jsonata()) {
        env.lazyStates(null, errorOutput);
        assigned = evaluateAssign((ValueExpr) catcher.compiledAssign(), env);
        out = catcher.compiledOutput() != null ? ((ValueExpr) catcher.compiledOutput()).evaluate(env) : errorOutput;
      } else {
        assigned = evaluateAssign((ValueExpr) catcher.compiledAssign(), env.with(errorOutput));
        out = catcher.resultPath().apply(entry.rawInput, errorOutput);
      }
      applyAssign(entry.frame, assigned);
      exitTo(entry, out, assigned, catcher.next());
    } catch (StatesException e) {
      frameFailed(entry.frame, e.error(), e.stateScoped() ? prefix(entry) + e.cause() : e.cause());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Task

  private void runTask(StateEntry entry, State.Task task) {
    TaskResource resource = TaskResource.parse(task.resource());
    if (resource.kind() == TaskResource.Kind.UNKNOWN) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The resource '" + task.resource() + "' is not a valid Task resource ARN"
              + (task.resource().contains("${") ? " (a ${...} definition substitution may be missing)." : "."));
    }
    if (resource.pattern() == TaskResource.Pattern.WAIT_FOR_TASK_TOKEN) {
      entry.taskToken = newTaskToken();
    }
    JsonNode params = effectiveInput(entry);
    Env env = env(entry, entry.rawInput);
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
    scheduleTask(entry, task, resource, params, timeout, heartbeat);
  }

  private static int positiveSeconds(String path, EvalEnv env, String field) {
    JsonNode value = Query.readPath(path, env);
    if (!value.isIntegralNumber() || value.asLong() <= 0) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The " + field + " field refers to value " + Json.write(value) + " which is not a valid positive integer: " + path);
    }
    return value.asInt();
  }

  private void scheduleTask(StateEntry entry, State.Task task, TaskResource resource, JsonNode params,
      Integer timeout, Integer heartbeat) {
    HistoryContext h = entry.frame.history;
    switch (resource.kind()) {
      case LAMBDA_FUNCTION -> {
        ObjectNode details = Json.NODES.objectNode();
        details.put("resource", resource.arn());
        details.put("input", Json.write(params));
        details.set("inputDetails", notTruncated());
        if (timeout != null) {
          details.put("timeoutInSeconds", timeout);
        }
        emit(h, HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, details, true);
      }
      case ACTIVITY -> {
        ObjectNode details = Json.NODES.objectNode();
        details.put("resource", resource.arn());
        details.put("input", Json.write(params));
        details.set("inputDetails", notTruncated());
        if (timeout != null) {
          details.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
          details.put("heartbeatInSeconds", heartbeat);
        }
        emit(h, HistoryEventType.ACTIVITY_SCHEDULED, details, true);
      }
      default -> {
        JsonNode credentials = task.credentials() != null ? credentials(entry, task.credentials()) : null;
        String region = settings.region();
        emitLazy(h, HistoryEventType.TASK_SCHEDULED, () -> {
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
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    // The call itself is a separate step, so concurrent branches interleave as they do on AWS.
    scheduler.post(() -> {
      if (!entry.frame.aborted() && !entry.finished && status == ExecutionStatus.RUNNING) {
        startTask(entry, task, resource, params, timeout, heartbeat);
      }
    });
  }

  private void startTask(StateEntry entry, State.Task task, TaskResource resource, JsonNode params,
      Integer timeout, Integer heartbeat) {
    HistoryContext h = entry.frame.history;
    entry.attemptOpen = true;
    entry.attemptNumber++;
    entry.heartbeatExpired = false;
    if (resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
      emit(h, HistoryEventType.LAMBDA_FUNCTION_STARTED, null, true);
    } else if (resource.kind() == TaskResource.Kind.SERVICE) {
      emit(h, HistoryEventType.TASK_STARTED, resourceDetails(resource), true);
    }
    String stateName = entry.state.name();
    int invocation = invocationCounters.merge(stateName, 1, Integer::sum) - 1;
    TaskInvocation call = new TaskInvocation(
        settings.stateMachineName(),
        settings.executionArn(),
        stateName,
        task.resource(),
        params,
        invocation,
        entry.retryCount,
        java.util.Optional.ofNullable(entry.taskToken),
        scheduler.now());
    if (timeout != null) {
      entry.timeoutTimer = scheduler.schedule(Duration.ofSeconds(timeout), () -> taskTimedOut(entry, resource, false));
      entry.frame.cleanups.add(entry::cancelTimers);
    }
    TaskOutcome outcome;
    try {
      outcome = handler.invoke(call);
    } catch (RuntimeException e) {
      // A test's handler threw: report it as the task's failure, like a Lambda function would.
      outcome = new TaskOutcome.Failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), Duration.ZERO);
    }
    boolean submits = resource.pattern() != TaskResource.Pattern.REQUEST_RESPONSE
        && resource.kind() == TaskResource.Kind.SERVICE;
    if (resource.kind() == TaskResource.Kind.ACTIVITY && !(outcome instanceof TaskOutcome.AwaitCallback)
        && !(outcome instanceof TaskOutcome.NotHandled)) {
      // A mocked activity stands for a worker that picked the task up at once.
      emit(h, HistoryEventType.ACTIVITY_STARTED, Json.NODES.objectNode(), true);
    }
    if (outcome instanceof TaskOutcome.Success success) {
      if (submits) {
        taskSubmitted(entry, resource, SubmitResponses.forTask(resource, params, settings, scheduler.now()));
      }
      later(entry, success.latency(), () -> taskSucceeded(entry, resource, success.output()));
    } else if (outcome instanceof TaskOutcome.Failure failure) {
      boolean timedOut = StatesErrors.TIMEOUT.equals(failure.error()) || StatesErrors.HEARTBEAT_TIMEOUT.equals(failure.error());
      if (submits) {
        taskSubmitted(entry, resource, SubmitResponses.forTask(resource, params, settings, scheduler.now()));
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
      later(entry, delay, () -> {
        if (timedOut) {
          taskTimedOutWith(entry, resource, failure.error(), failure.cause());
        } else {
          taskFailed(entry, resource, failure.error(), failure.cause());
        }
      });
    } else if (outcome instanceof TaskOutcome.AwaitCallback await) {
      awaitCallback(entry, task, resource, params, heartbeat,
          await.submitOutput() != null ? await.submitOutput() : SubmitResponses.forTask(resource, params, settings, scheduler.now()));
    } else if (outcome instanceof TaskOutcome.NotHandled notHandled) {
      if (resource.kind() == TaskResource.Kind.ACTIVITY || resource.pattern() == TaskResource.Pattern.WAIT_FOR_TASK_TOKEN) {
        // Nothing mocks it: the task waits for the test to answer, as it would wait on AWS.
        awaitCallback(entry, task, resource, params, heartbeat, SubmitResponses.forTask(resource, params, settings, scheduler.now()));
      } else if ("states".equals(resource.resourceType()) && resource.resource().startsWith("startExecution")
          && childExecutions != null && startChild(entry, resource, params)) {
        return;
      } else {
        missingMock = notHandled.reason();
        failExecution(StatesErrors.RUNTIME, notHandled.reason());
      }
    }
  }

  private void awaitCallback(StateEntry entry, State.Task task, TaskResource resource, JsonNode params,
      Integer heartbeat, JsonNode submitOutput) {
    if (resource.kind() == TaskResource.Kind.SERVICE) {
      taskSubmitted(entry, resource, submitOutput);
    }
    if (entry.taskToken == null) {
      entry.taskToken = newTaskToken();
    }
    PendingTask waiting = new PendingTask(entry.taskToken, entry.state.name(), task.resource(), params, entry, resource,
        heartbeat, resource.kind() == TaskResource.Kind.ACTIVITY);
    pending.put(entry.taskToken, waiting);
    entry.frame.cleanups.add(() -> pending.remove(waiting.token));
    if (heartbeat != null) {
      entry.heartbeatTimer = scheduler.schedule(Duration.ofSeconds(heartbeat), () -> taskTimedOut(entry, resource, true));
    }
  }

  /**
   * Runs a deployed state machine as a child execution for states:startExecution and answers the
   * task as AWS does for each pattern. False when no such state machine is deployed.
   */
  private boolean startChild(StateEntry entry, TaskResource resource, JsonNode params) {
    String machineArn = params.path("StateMachineArn").asText("");
    JsonNode childInput = params.get("Input");
    if (childInput == null || childInput.isNull()) {
      childInput = Json.NODES.objectNode();
    } else if (childInput.isTextual()) {
      try {
        childInput = Json.parse(childInput.asText());
      } catch (IllegalArgumentException e) {
        taskFailed(entry, resource, "States.Runtime", "The child execution input is not valid JSON: " + e.getMessage());
        return true;
      }
    }
    String name = params.hasNonNull("Name") ? params.get("Name").asText() : null;
    if (resource.pattern() != TaskResource.Pattern.REQUEST_RESPONSE) {
      return startSyncChild(entry, resource, machineArn, childInput, name);
    }
    // Fire and forget: the child runs to its end on its own clock, as it would on AWS.
    ExecutionRun child = childExecutions.start(machineArn, childInput, name, scheduler.now());
    if (child == null) {
      return false;
    }
    children.add(child);
    child.start();
    child.runUntilIdle(true);
    ExecutionResult result = child.result();
    if (!child.finished()) {
      failExecution(StatesErrors.RUNTIME, "The child execution " + child.executionArn()
          + " waits for a callback of " + child.pendingTasks().stream().map(PendingTask::stateName).toList()
          + "; answer it through a mock (child executions run to completion in-process).");
      return true;
    }
    JsonNode started = IntegrationResults.stepFunctionsStartExecution(child.executionArn(), AWS_TIME.format(result.startDate()));
    if (resource.pattern() == TaskResource.Pattern.REQUEST_RESPONSE) {
      taskSucceeded(entry, resource, started);
      return true;
    }
    taskSubmitted(entry, resource, started);
    boolean asJson = resource.pattern() == TaskResource.Pattern.SYNC2;
    Duration elapsed = Duration.between(result.startDate(), result.stopDate());
    later(entry, elapsed, () -> {
      if (result.status() == ExecutionStatus.SUCCEEDED) {
        taskSucceeded(entry, resource, describe(child, result, asJson));
      } else {
        taskFailed(entry, resource, StatesErrors.TASK_FAILED, Json.write(describe(child, result, false)));
      }
    });
    return true;
  }

  /**
   * .sync and .sync:2: the child runs on this execution's scheduler, so its waits and callbacks
   * happen in the same virtual time, and the task ends when the child does.
   */
  private boolean startSyncChild(StateEntry entry, TaskResource resource, String machineArn, JsonNode childInput,
      String name) {
    ExecutionRun child = childExecutions.startOnSchedulerOf(this, machineArn, childInput, name);
    if (child == null) {
      return false;
    }
    children.add(child);
    taskSubmitted(entry, resource,
        IntegrationResults.stepFunctionsStartExecution(child.executionArn(), AWS_TIME.format(scheduler.now())));
    boolean asJson = resource.pattern() == TaskResource.Pattern.SYNC2;
    int attempt = entry.attemptNumber;
    child.endListener = ended -> {
      if (entry.attemptNumber != attempt) {
        return; // the attempt that started it already timed out
      }
      ExecutionResult result = ended.result();
      if (result.status() == ExecutionStatus.SUCCEEDED) {
        taskSucceeded(entry, resource, describe(ended, result, asJson));
      } else {
        taskFailed(entry, resource, StatesErrors.TASK_FAILED, Json.write(describe(ended, result, false)));
      }
    };
    child.start();
    return true;
  }

  /** DescribeExecution of a finished child, as .sync (strings) or .sync:2 (JSON) returns it. */
  private static ObjectNode describe(ExecutionRun child, ExecutionResult result, boolean asJson) {
    ObjectNode out = Json.NODES.objectNode();
    result.cause().ifPresent(c -> out.put("Cause", c));
    result.error().ifPresent(e -> out.put("Error", e));
    out.put("ExecutionArn", result.executionArn());
    if (asJson) {
      out.set("Input", result.input());
    } else {
      out.put("Input", Json.write(result.input()));
    }
    out.putObject("InputDetails").put("Included", true);
    out.put("Name", child.settings.executionName());
    result.output().ifPresent(o -> {
      if (asJson) {
        out.set("Output", o);
      } else {
        out.put("Output", Json.write(o));
      }
      out.putObject("OutputDetails").put("Included", true);
      out.put("RedriveCount", 0);
      out.put("RedriveStatus", "NOT_REDRIVABLE");
      out.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    });
    out.put("StartDate", AWS_TIME.format(result.startDate()));
    out.put("StateMachineArn", child.settings.stateMachineArn());
    out.put("Status", result.status().name());
    out.put("StopDate", AWS_TIME.format(result.stopDate()));
    return out;
  }

  /** {"RoleArn": ...} or {"RoleArn.$": path} becomes AWS's recorded {"roleArn": ...}. */
  private JsonNode credentials(StateEntry entry, JsonNode credentials) {
    JsonNode evaluated = entry.state.common().jsonata()
        ? Query.jsonata(credentials, "Credentials").evaluate(jsonataEnv(entry))
        : Query.template(credentials).evaluate(env(entry, entry.rawInput));
    ObjectNode recorded = Json.NODES.objectNode();
    evaluated.properties().iterator().forEachRemaining(e -> recorded.set(
        Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1), e.getValue()));
    return recorded;
  }

  private Env jsonataEnv(StateEntry entry) {
    Env env = env(entry, entry.rawInput);
    env.lazyStates(null, null);
    return env;
  }

  private void later(StateEntry entry, Duration latency, Runnable action) {
    if (latency.isZero() || latency.isNegative()) {
      action.run();
      return;
    }
    // The outcome belongs to this attempt only: a timed-out attempt's late result is discarded.
    int attempt = entry.attemptNumber;
    Scheduler.Timer timer = scheduler.schedule(latency, () -> {
      if (!entry.frame.aborted() && !entry.finished && status == ExecutionStatus.RUNNING
          && entry.attemptNumber == attempt) {
        action.run();
      }
    });
    entry.frame.cleanups.add(timer::cancel);
  }

  private ObjectNode resourceDetails(TaskResource resource) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("resourceType", resource.resourceType());
    details.put("resource", resource.resource());
    return details;
  }

  /** True once per attempt: the first outcome (result, failure, timeout) wins. */
  private boolean closeAttempt(StateEntry entry) {
    if (!entry.attemptOpen || entry.finished || entry.frame.aborted() || status != ExecutionStatus.RUNNING) {
      return false;
    }
    entry.attemptOpen = false;
    return true;
  }

  private void taskSubmitted(StateEntry entry, TaskResource resource, JsonNode submitOutput) {
    ObjectNode details = resourceDetails(resource);
    details.put("output", Json.write(submitOutput));
    details.set("outputDetails", notTruncated());
    emit(entry.frame.history, HistoryEventType.TASK_SUBMITTED, details, true);
  }

  private void taskSucceeded(StateEntry entry, TaskResource resource, JsonNode taskOutput) {
    if (!closeAttempt(entry)) {
      return;
    }
    entry.cancelTimers();
    HistoryContext h = entry.frame.history;
    if (exceedsPayloadLimit(taskOutput)) {
      recordTaskFailure(entry, resource, StatesErrors.DATA_LIMIT_EXCEEDED,
          "The state/task '" + resource.arn() + "' returned a result with a size exceeding the maximum number of bytes service limit.",
          false);
      return;
    }
    HistoryEventType type = switch (resource.kind()) {
      case LAMBDA_FUNCTION -> HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED;
      case ACTIVITY -> HistoryEventType.ACTIVITY_SUCCEEDED;
      default -> HistoryEventType.TASK_SUCCEEDED;
    };
    emitLazy(h, type, () -> {
      ObjectNode details = Json.NODES.objectNode();
      if (type == HistoryEventType.TASK_SUCCEEDED) {
        details.setAll(resourceDetails(resource));
      }
      details.put("output", Json.write(taskOutput));
      details.set("outputDetails", NOT_TRUNCATED);
      return details;
    });
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    try {
      finish(entry, taskOutput);
    } catch (StatesException e) {
      stateFailed(entry, e);
    }
  }

  private void taskFailed(StateEntry entry, TaskResource resource, String err, String errCause) {
    if (!closeAttempt(entry)) {
      return;
    }
    recordTaskFailure(entry, resource, err, errCause, false);
  }

  /**
   * Records the attempt's failure or time-out event (attempt already closed) and hands the error to
   * Retry/Catch.
   */
  private void recordTaskFailure(StateEntry entry, TaskResource resource, String err, String errCause, boolean timedOut) {
    entry.cancelTimers();
    if (entry.taskToken != null) {
      pending.remove(entry.taskToken);
    }
    ObjectNode details = errorDetails(err, errCause);
    HistoryEventType type = switch (resource.kind()) {
      case LAMBDA_FUNCTION -> timedOut ? HistoryEventType.LAMBDA_FUNCTION_TIMED_OUT : HistoryEventType.LAMBDA_FUNCTION_FAILED;
      case ACTIVITY -> timedOut ? HistoryEventType.ACTIVITY_TIMED_OUT : HistoryEventType.ACTIVITY_FAILED;
      default -> {
        details.setAll(resourceDetails(resource));
        yield timedOut ? HistoryEventType.TASK_TIMED_OUT : HistoryEventType.TASK_FAILED;
      }
    };
    emit(entry.frame.history, type, details, true);
    scheduler.post(() -> handleError(entry, err, errCause));
  }

  private void taskTimedOut(StateEntry entry, TaskResource resource, boolean heartbeat) {
    pending.remove(entry.taskToken);
    // AWS records a missed heartbeat as States.Timeout; States.HeartbeatTimeout still catches it.
    entry.heartbeatExpired = heartbeat;
    taskTimedOutWith(entry, resource, StatesErrors.TIMEOUT, null);
  }

  private void taskTimedOutWith(StateEntry entry, TaskResource resource, String err, String errCause) {
    if (closeAttempt(entry)) {
      recordTaskFailure(entry, resource, err, errCause, true);
    }
  }

  private String newTaskToken() {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---------------------------------------------------------------------------------------------
  // Parallel

  private void runParallel(StateEntry entry, State.Parallel parallel) {
    entry.failedEvent = HistoryEventType.PARALLEL_STATE_FAILED;
    JsonNode branchInput = effectiveInput(entry);
    Frame frame = entry.frame;
    emit(frame.history, HistoryEventType.PARALLEL_STATE_STARTED, null, true);
    int n = parallel.branches().size();
    JsonNode[] results = new JsonNode[n];
    int[] remaining = {n};
    boolean[] failed = {false};
    List<Frame> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      Branch branch = parallel.branches().get(i);
      Frame child = new Frame(frame, branch, frame.variables.child(), frame.history.child(), new Frame.Listener() {
        @Override
        public void succeeded(Frame f, JsonNode out) {
          if (failed[0]) {
            return;
          }
          results[index] = out;
          frame.history.integrate(f.history);
          if (--remaining[0] == 0) {
            frame.history.source = frame.history.last;
            emit(frame.history, HistoryEventType.PARALLEL_STATE_SUCCEEDED, null, false);
            ArrayNode array = Json.NODES.arrayNode();
            for (JsonNode r : results) {
              array.add(r);
            }
            try {
              finish(entry, array);
            } catch (StatesException e) {
              stateFailed(entry, e);
            }
          }
        }

        @Override
        public void failed(Frame f, String err, String errCause) {
          if (failed[0]) {
            return;
          }
          failed[0] = true;
          frame.history.integrate(f.history);
          // AWS aborts every branch's running state, the failed one's first.
          long link = f.history.source;
          stateAborted(f, link);
          for (Frame other : children) {
            if (!other.done) {
              abortFrame(other);
              stateAborted(other, link);
            }
          }
          handleError(entry, err, errCause);
        }
      });
      children.add(child);
      frame.cleanups.add(() -> abortFrame(child));
      scheduler.post(() -> enterState(child, branch.startAt(), branchInput));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Map (inline)

  private void runMap(StateEntry entry, State.Map map) {
    if (map.distributed()) {
      runDistributedMap(entry, map);
      return;
    }
    State.Common c = map.common();
    Frame frame = entry.frame;
    entry.failedEvent = HistoryEventType.MAP_STATE_FAILED;
    Env env = env(entry, entry.rawInput);
    JsonNode selectorInput;
    JsonNode items;
    if (c.jsonata()) {
      env.lazyStates(null, null);
      selectorInput = entry.rawInput;
      items = map.itemsExpr() != null ? map.itemsExpr().evaluate(env) : entry.rawInput;
    } else {
      selectorInput = c.inputPath().apply(env);
      items = map.itemsPath() != null
          ? map.itemsPath().apply(env.with(selectorInput))
          : selectorInput;
    }
    if (!items.isArray()) {
      throw new StatesException(StatesErrors.RUNTIME, "Map state input must be an array but was: " + Json.write(items));
    }
    int maxConcurrency = map.maxConcurrency() == null ? 0 : map.maxConcurrency();
    if (map.maxConcurrencyPath() != null) {
      JsonNode value = Query.find(map.maxConcurrencyPath(), env.with(selectorInput));
      Integer parsed = wholeNumber(value);
      if (parsed == null) {
        throw new StatesException(StatesErrors.RUNTIME,
            "The MaxConcurrencyPath field refers to value " + (value == null ? "null" : "\"" + textOf(value) + "\"")
                + " which is not a valid integer: " + map.maxConcurrencyPath());
      }
      maxConcurrency = parsed;
    }
    int n = items.size();
    ObjectNode started = Json.NODES.objectNode();
    started.put("length", n);
    emit(frame.history, HistoryEventType.MAP_STATE_STARTED, started, true);
    if (n == 0) {
      frame.history.source = frame.history.last;
      emit(frame.history, HistoryEventType.MAP_STATE_SUCCEEDED, null, false);
      finish(entry, Json.NODES.arrayNode());
      return;
    }
    MapRun run = new MapRun(entry, map, items, selectorInput, env, maxConcurrency <= 0 ? n : maxConcurrency);
    run.launchAvailable();
  }

  /** An integer, or a string holding one (AWS accepts both in *Path fields); else null. */
  static Integer wholeNumber(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.asInt();
    }
    if (value.isTextual()) {
      try {
        return Integer.valueOf(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The bookkeeping of one inline Map state's iterations. */
  private final class MapRun {
    final StateEntry entry;
    final State.Map map;
    final JsonNode items;
    final JsonNode selectorInput;
    final Env env;
    final int concurrency;
    final JsonNode[] results;
    final List<Frame> running = new ArrayList<>();
    int launched;
    int completed;
    boolean failed;

    MapRun(StateEntry entry, State.Map map, JsonNode items, JsonNode selectorInput, Env env, int concurrency) {
      this.entry = entry;
      this.map = map;
      this.items = items;
      this.selectorInput = selectorInput;
      this.env = env;
      this.concurrency = concurrency;
      this.results = new JsonNode[items.size()];
    }

    void launchAvailable() {
      while (!failed && launched < items.size() && running.size() < concurrency) {
        launch(launched++);
      }
    }

    private void launch(int index) {
      Frame frame = entry.frame;
      JsonNode item = items.get(index);
      JsonNode iterationInput;
      try {
        if (map.itemSelector() != null) {
          Env selectorEnv = env.with(selectorInput);
          selectorEnv.mapItem(index, item);
          if (map.common().jsonata()) {
            // $states.context carries Map.Item while the ItemSelector is evaluated.
            ObjectNode states = Json.NODES.objectNode();
            states.set("input", entry.rawInput);
            states.set("context", selectorEnv.contextObject());
            selectorEnv.states = states;
          }
          iterationInput = map.itemSelector().evaluate(selectorEnv);
        } else {
          iterationInput = item;
        }
      } catch (StatesException e) {
        failed = true;
        stateFailed(entry, e);
        return;
      }
      Frame child = new Frame(frame, map.processor(), frame.variables.child(), frame.history.child(), new Frame.Listener() {
        @Override
        public void succeeded(Frame f, JsonNode out) {
          if (failed) {
            return;
          }
          emit(f.history, HistoryEventType.MAP_ITERATION_SUCCEEDED, iterationDetails(index), false);
          frame.history.integrate(f.history);
          running.remove(f);
          results[index] = out;
          completed++;
          if (completed == items.size()) {
            frame.history.source = frame.history.last;
            emit(frame.history, HistoryEventType.MAP_STATE_SUCCEEDED, null, false);
            ArrayNode array = Json.NODES.arrayNode();
            for (JsonNode r : results) {
              array.add(r);
            }
            try {
              finish(entry, array);
            } catch (StatesException e) {
              stateFailed(entry, e);
            }
          } else {
            launchAvailable();
          }
        }

        @Override
        public void failed(Frame f, String err, String errCause) {
          if (failed) {
            return;
          }
          failed = true;
          emit(f.history, HistoryEventType.MAP_ITERATION_FAILED, iterationDetails(index), false);
          frame.history.integrate(f.history);
          running.remove(f);
          // AWS aborts every running iteration after the failed one, each with its state.
          long link = f.history.source;
          stateAborted(f, link);
          List<Frame> others = new ArrayList<>(running);
          others.sort(java.util.Comparator.comparingInt(o -> o.iterationIndex));
          for (Frame other : others) {
            abortFrame(other);
            record(link, HistoryEventType.MAP_ITERATION_ABORTED, iterationDetails(other.iterationIndex));
            stateAborted(other, link);
          }
          running.clear();
          handleError(entry, err, errCause);
        }
      });
      child.iterationIndex = index;
      running.add(child);
      frame.cleanups.add(() -> abortFrame(child));
      emit(child.history, HistoryEventType.MAP_ITERATION_STARTED, iterationDetails(index), true);
      JsonNode input = iterationInput;
      scheduler.post(() -> enterState(child, map.processor().startAt(), input));
    }

    private ObjectNode iterationDetails(int index) {
      ObjectNode details = Json.NODES.objectNode();
      details.put("index", index);
      details.put("name", entry.state.name());
      return details;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Map (distributed): a Map Run whose items each run as a child execution, an ExecutionRun of its
  // own (own history, own $$.Execution) on this run's scheduler and virtual clock. The parent's
  // history only gets MapRunStarted / MapRunSucceeded / MapRunFailed.

  /** AWS's MaxConcurrency when a Distributed Map gives none (or 0). */
  static final int DISTRIBUTED_DEFAULT_CONCURRENCY = 10_000;

  private io.github.sfntest.s3.InMemoryS3 s3Fixture;
  private io.github.sfntest.s3.InMemoryS3 implicitS3;
  private java.util.function.Consumer<ExecutionRun> endListener;
  private final List<DistributedMapRun> mapRuns = new ArrayList<>();
  private Random distributedRandom;

  /** The S3 buckets Distributed Map readers and writers use; without one, readers ask the task handler. */
  public void s3(io.github.sfntest.s3.InMemoryS3 fixture) {
    this.s3Fixture = fixture;
  }

  private List<io.github.sfntest.engine.MapRunResult> mapRunResults() {
    List<io.github.sfntest.engine.MapRunResult> results = new ArrayList<>(mapRuns.size());
    for (DistributedMapRun run : mapRuns) {
      results.add(run.toResult());
    }
    return results;
  }

  private java.util.UUID distributedUuid() {
    if (distributedRandom == null) {
      distributedRandom = new Random(settings.seed() ^ 0x6D61705275E5L);
    }
    long hi = (distributedRandom.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (distributedRandom.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo);
  }

  private void runDistributedMap(StateEntry entry, State.Map map) {
    State.Common c = map.common();
    entry.failedEvent = HistoryEventType.MAP_STATE_FAILED;
    Env env = env(entry, entry.rawInput);
    Env fieldEnv;
    JsonNode selectorInput;
    JsonNode items = null;
    if (c.jsonata()) {
      env.lazyStates(null, null);
      selectorInput = entry.rawInput;
      fieldEnv = env;
      if (map.itemReader() == null) {
        items = map.itemsExpr() != null ? map.itemsExpr().evaluate(env) : entry.rawInput;
      }
    } else {
      selectorInput = c.inputPath().apply(env);
      fieldEnv = env.with(selectorInput);
      // With an ItemReader, AWS takes the items from the reader and ignores ItemsPath.
      if (map.itemReader() == null) {
        items = map.itemsPath() != null ? map.itemsPath().apply(fieldEnv) : selectorInput;
      }
    }
    if (items != null && !items.isArray()) {
      throw new StatesException(StatesErrors.RUNTIME, "Map state input must be an array but was: " + Json.write(items));
    }
    int concurrency = distributedConcurrency(map, fieldEnv);
    ObjectNode started = Json.NODES.objectNode();
    started.put("length", items == null ? 0 : items.size());
    emit(entry.frame.history, HistoryEventType.MAP_STATE_STARTED, started, true);
    DistributedMapRun run = new DistributedMapRun(entry, map, selectorInput, fieldEnv, concurrency);
    run.configure(); // tolerated failures, reader and batcher fields: States.Runtime before the run starts
    mapRuns.add(run);
    ObjectNode runStarted = Json.NODES.objectNode();
    runStarted.put("mapRunArn", run.mapRunArn);
    emit(entry.frame.history, HistoryEventType.MAP_RUN_STARTED, runStarted, true);
    entry.frame.cleanups.add(run::abort);
    run.start(items);
  }

  private int distributedConcurrency(State.Map map, Env fieldEnv) {
    Integer value = map.maxConcurrency();
    if (map.maxConcurrencyExpr() != null) {
      value = wholeNumber(map.maxConcurrencyExpr().evaluate(fieldEnv));
    } else if (map.maxConcurrencyPath() != null) {
      JsonNode found = Query.find(map.maxConcurrencyPath(), fieldEnv);
      value = wholeNumber(found);
      if (value == null) {
        throw new StatesException(StatesErrors.RUNTIME,
            "The MaxConcurrencyPath field refers to value " + (found == null ? "null" : "\"" + textOf(found) + "\"")
                + " which is not a valid integer: " + map.maxConcurrencyPath());
      }
    }
    return value == null || value <= 0 ? DISTRIBUTED_DEFAULT_CONCURRENCY : value;
  }

  /** A field that is a literal, a JSONata string, or given by its *Path twin. */
  private JsonNode distributedField(State.Map map, JsonNode owner, String field, Env fieldEnv) {
    if (owner == null) {
      return null;
    }
    JsonNode literal = owner.get(field);
    if (literal != null) {
      if (map.common().jsonata() && literal.isTextual()) {
        return Query.jsonata(literal, field).evaluate(fieldEnv);
      }
      return literal;
    }
    JsonNode path = owner.get(field + "Path");
    if (path != null && path.isTextual()) {
      JsonNode value = Query.find(path.asText(), fieldEnv);
      return value == null ? Json.NODES.nullNode() : value;
    }
    return null;
  }

  private Integer distributedInteger(State.Map map, JsonNode owner, String field, Env fieldEnv) {
    JsonNode value = distributedField(map, owner, field, fieldEnv);
    if (value == null) {
      return null;
    }
    Integer parsed = wholeNumber(value);
    if (parsed == null) {
      String source = owner.has(field) ? field : field + "Path";
      throw new StatesException(StatesErrors.RUNTIME, "The " + source + " field refers to value \"" + textOf(value)
          + "\" which is not a valid integer" + (owner.has(field) ? "." : ": " + owner.get(source).asText()));
    }
    return parsed;
  }

  /** The bookkeeping of one Map Run: reading, batching, launching children, tolerating failures. */
  private final class DistributedMapRun {
    final StateEntry entry;
    final State.Map map;
    final JsonNode selectorInput;
    final Env fieldEnv;
    final int concurrency;
    final String runId;
    final String mapRunArn;
    final String label;
    final Map<Integer, ExecutionRun> running = new LinkedHashMap<>();
    io.github.sfntest.internal.distributed.ToleratedFailure tolerated;
    Long maxItems;
    Integer maxItemsPerBatch;
    Integer maxBytesPerBatch;
    JsonNode batchInput;
    boolean batched;
    List<JsonNode> childInputs = List.of();
    int[] itemCounts = new int[0];
    io.github.sfntest.engine.ExecutionResult[] children = new io.github.sfntest.engine.ExecutionResult[0];
    int itemCount;
    int launched;
    int completed;
    int failedItems;
    ExecutionStatus runStatus = ExecutionStatus.RUNNING;
    String runError;
    String runCause;
    JsonNode writerDetails;

    DistributedMapRun(StateEntry entry, State.Map map, JsonNode selectorInput, Env fieldEnv, int concurrency) {
      this.entry = entry;
      this.map = map;
      this.selectorInput = selectorInput;
      this.fieldEnv = fieldEnv;
      this.concurrency = concurrency;
      this.label = map.label();
      this.runId = distributedUuid().toString();
      this.mapRunArn = "arn:aws:states:" + settings.region() + ":" + settings.account() + ":mapRun:"
          + settings.stateMachineName() + "/" + (label != null ? label : entry.state.name()) + ":" + runId;
    }

    void configure() {
      Long count = null;
      Double percentage = null;
      JsonNode countValue = distributedField(map, toleratedOwner(), "ToleratedFailureCount", fieldEnv);
      if (countValue != null) {
        if (!countValue.isIntegralNumber() && !(countValue.isTextual() && wholeNumber(countValue) != null)) {
          throw new StatesException(StatesErrors.RUNTIME, "The ToleratedFailureCount"
              + (map.toleratedFailureCountPath() != null ? "Path" : "") + " field refers to value \""
              + textOf(countValue) + "\" which is not a valid integer"
              + (map.toleratedFailureCountPath() != null ? ": " + map.toleratedFailureCountPath() : "."));
        }
        count = countValue.isTextual() ? wholeNumber(countValue).longValue() : countValue.asLong();
        if (count < 0) {
          throw new StatesException(StatesErrors.RUNTIME, "ToleratedFailureCount cannot be negative.");
        }
      }
      JsonNode percentageValue = distributedField(map, toleratedOwner(), "ToleratedFailurePercentage", fieldEnv);
      if (percentageValue != null) {
        Double parsed = percentageValue.isNumber() ? Double.valueOf(percentageValue.asDouble()) : parseDouble(percentageValue);
        if (parsed == null) {
          throw new StatesException(StatesErrors.RUNTIME, "The ToleratedFailurePercentage"
              + (map.toleratedFailurePercentagePath() != null ? "Path" : "") + " field refers to value \""
              + textOf(percentageValue) + "\" which is not a valid float"
              + (map.toleratedFailurePercentagePath() != null ? ": " + map.toleratedFailurePercentagePath() : "."));
        }
        if (parsed < 0 || parsed > 100) {
          throw new StatesException(StatesErrors.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
        }
        percentage = parsed;
      }
      tolerated = new io.github.sfntest.internal.distributed.ToleratedFailure(count, percentage);
      JsonNode readerConfig = map.itemReader() == null ? null : map.itemReader().get("ReaderConfig");
      Integer max = distributedInteger(map, readerConfig, "MaxItems", fieldEnv);
      maxItems = max == null ? null : max.longValue();
      JsonNode batcher = map.itemBatcher();
      batched = batcher != null;
      if (batched) {
        maxItemsPerBatch = distributedInteger(map, batcher, "MaxItemsPerBatch", fieldEnv);
        maxBytesPerBatch = distributedInteger(map, batcher, "MaxInputBytesPerBatch", fieldEnv);
        if (maxItemsPerBatch != null && maxItemsPerBatch <= 0) {
          throw new StatesException(StatesErrors.RUNTIME, "MaxItemsPerBatch must be greater than 0.");
        }
        if (maxBytesPerBatch != null && (maxBytesPerBatch <= 0
            || maxBytesPerBatch > io.github.sfntest.internal.distributed.Batching.MAX_BYTES_LIMIT)) {
          throw new StatesException(StatesErrors.RUNTIME, "MaxInputBytesPerBatch must be between 1 and "
              + io.github.sfntest.internal.distributed.Batching.MAX_BYTES_LIMIT + ".");
        }
        JsonNode template = batcher.get("BatchInput");
        if (template != null) {
          batchInput = map.common().jsonata()
              ? Query.jsonata(template, "BatchInput").evaluate(fieldEnv)
              : Query.template(template).evaluate(fieldEnv);
        }
      }
    }

    /** The tolerated-failure fields live on the state itself; a tiny view keeps distributedField generic. */
    private JsonNode toleratedOwner() {
      ObjectNode owner = Json.NODES.objectNode();
      if (map.toleratedFailureCount() != null) {
        owner.set("ToleratedFailureCount", map.toleratedFailureCount());
      } else if (map.toleratedFailureCountPath() != null) {
        owner.put("ToleratedFailureCountPath", map.toleratedFailureCountPath());
      }
      if (map.toleratedFailurePercentage() != null) {
        owner.set("ToleratedFailurePercentage", map.toleratedFailurePercentage());
      } else if (map.toleratedFailurePercentagePath() != null) {
        owner.put("ToleratedFailurePercentagePath", map.toleratedFailurePercentagePath());
      }
      return owner;
    }

    private Double parseDouble(JsonNode value) {
      if (!value.isTextual()) {
        return null;
      }
      try {
        return Double.valueOf(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    void start(JsonNode inlineItems) {
      List<JsonNode> items;
      try {
        items = inlineItems != null ? toList(inlineItems) : readItems();
      } catch (StatesException e) {
        fail(e.error(), e.stateScoped() ? prefix(entry) + e.cause() : e.cause());
        return;
      } catch (MissingS3Mock e) {
        missingMock = e.getMessage();
        failExecution(StatesErrors.RUNTIME, e.getMessage());
        return;
      }
      if (status != ExecutionStatus.RUNNING) {
        return;
      }
      itemCount = items.size();
      try {
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          selected.add(select(i, items.get(i)));
        }
        if (batched) {
          List<io.github.sfntest.internal.distributed.Batching.Batch> batches =
              io.github.sfntest.internal.distributed.Batching.batch(selected, maxItemsPerBatch, maxBytesPerBatch, batchInput);
          childInputs = new ArrayList<>(batches.size());
          itemCounts = new int[batches.size()];
          for (int b = 0; b < batches.size(); b++) {
            childInputs.add(batches.get(b).input());
            itemCounts[b] = batches.get(b).itemCount();
          }
        } else {
          childInputs = selected;
          itemCounts = new int[selected.size()];
          java.util.Arrays.fill(itemCounts, 1);
        }
      } catch (StatesException e) {
        fail(e.error(), e.stateScoped() ? prefix(entry) + e.cause() : e.cause());
        return;
      } catch (IllegalArgumentException e) {
        fail(StatesErrors.ITEM_READER_FAILED, e.getMessage());
        return;
      }
      children = new io.github.sfntest.engine.ExecutionResult[childInputs.size()];
      if (childInputs.isEmpty()) {
        succeed();
        return;
      }
      launchAvailable();
    }

    private List<JsonNode> toList(JsonNode array) {
      List<JsonNode> list = new ArrayList<>(array.size());
      array.forEach(list::add);
      return list;
    }

    private JsonNode select(int index, JsonNode item) {
      if (map.itemSelector() == null) {
        return item;
      }
      Env selectorEnv = fieldEnv.with(selectorInput);
      selectorEnv.mapItem(index, item);
      if (map.common().jsonata()) {
        selectorEnv.lazyStates(null, null);
      }
      return map.itemSelector().evaluate(selectorEnv);
    }

    private List<JsonNode> readItems() {
      JsonNode reader = map.itemReader();
      String resource = reader.path("Resource").asText("");
      JsonNode params;
      if (map.common().jsonata()) {
        JsonNode args = reader.get("Arguments");
        params = args == null ? Json.NODES.objectNode() : Query.jsonata(args, "Arguments").evaluate(fieldEnv);
      } else {
        JsonNode template = reader.get("Parameters");
        params = template == null ? Json.NODES.objectNode() : Query.template(template).evaluate(fieldEnv);
      }
      return io.github.sfntest.internal.distributed.ItemReaders.read(
          resource, params, reader.get("ReaderConfig"), maxItems, readerS3(resource));
    }

    /** The fixture when the test gave one, else the task handler answers the reader's S3 call. */
    private io.github.sfntest.internal.distributed.S3Port readerS3(String resource) {
      if (s3Fixture != null) {
        return io.github.sfntest.internal.distributed.S3Port.of(s3Fixture, scheduler::now);
      }
      return new HandlerS3(entry, resource);
    }

    void launchAvailable() {
      while (runStatus == ExecutionStatus.RUNNING && launched < childInputs.size() && running.size() < concurrency) {
        launch(launched++);
      }
    }

    private void launch(int index) {
      String name = distributedUuid().toString();
      String prefixArn = "arn:aws:states:" + settings.region() + ":" + settings.account() + ":execution:";
      RunSettings childSettings = new RunSettings(
          settings.stateMachineName(),
          settings.stateMachineArn(),
          name,
          prefixArn + settings.stateMachineName() + "/" + (label != null ? label : entry.state.name()) + ":" + name,
          settings.roleArn(),
          settings.region(),
          settings.account(),
          scheduler.now(),
          settings.seed() ^ ((launched + 1L) * 0x9E3779B97F4A7C15L) ^ runId.hashCode(),
          settings.maxHistoryEvents(),
          settings.maxPayloadBytes());
      StateMachineModel childModel =
          new StateMachineModel(null, map.processor(), null, null, map.common().queryLanguage(), null);
      ExecutionRun child = new ExecutionRun(childModel, childSettings, childInputs.get(index), handler, scheduler,
          invocationCounters);
      child.s3Fixture = s3Fixture != null ? s3Fixture : sharedImplicitS3();
      // Map Run children start deployed state machines like any execution of this engine.
      child.childExecutions = childExecutions;
      child.endListener = ended -> childEnded(index, ended);
      running.put(index, child);
      child.start();
    }

    private void childEnded(int index, ExecutionRun child) {
      children[index] = child.result();
      running.remove(index);
      if (runStatus != ExecutionStatus.RUNNING || status != ExecutionStatus.RUNNING) {
        return;
      }
      if (child.missingMock() != null) {
        // The test, not the machine, is wrong: stop the whole execution as a task without a mock does.
        missingMock = child.missingMock();
        failExecution(StatesErrors.RUNTIME, child.missingMock());
        return;
      }
      if (child.status() == ExecutionStatus.FAILED || child.status() == ExecutionStatus.TIMED_OUT) {
        failedItems += itemCounts[index];
        if (tolerated.exceeded(failedItems, itemCount)) {
          fail(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD,
              io.github.sfntest.internal.distributed.ToleratedFailure.CAUSE);
          return;
        }
      }
      completed++;
      if (completed == childInputs.size()) {
        succeed();
      } else {
        launchAvailable();
      }
    }

    private void succeed() {
      JsonNode output;
      try {
        output = mapOutput();
      } catch (StatesException e) {
        fail(e.error(), e.stateScoped() ? prefix(entry) + e.cause() : e.cause());
        return;
      }
      runStatus = ExecutionStatus.SUCCEEDED;
      HistoryContext h = entry.frame.history;
      // Since late 2024 AWS links MapRunSucceeded and MapStateExited to MapRunStarted, and
      // MapStateSucceeded to MapRunSucceeded (earlier recordings chained all three); we follow
      // current AWS.
      long runSucceeded = emit(h, HistoryEventType.MAP_RUN_SUCCEEDED, null, false);
      h.last = record(runSucceeded, HistoryEventType.MAP_STATE_SUCCEEDED, null);
      try {
        finish(entry, output);
      } catch (StatesException e) {
        stateFailed(entry, e);
      }
    }

    private JsonNode mapOutput() {
      JsonNode writer = map.resultWriter();
      List<io.github.sfntest.engine.ExecutionResult> all = java.util.Arrays.asList(children);
      if (writer == null) {
        ArrayNode out = Json.NODES.arrayNode();
        for (io.github.sfntest.engine.ExecutionResult child : all) {
          out.add(child.status() == ExecutionStatus.SUCCEEDED
              ? child.output().orElse(Json.NODES.nullNode())
              : io.github.sfntest.internal.distributed.ResultWriting.record(child, settings.stateMachineArn()));
        }
        return out;
      }
      JsonNode params = null;
      if (writer.hasNonNull("Resource")) {
        if (map.common().jsonata()) {
          JsonNode args = writer.get("Arguments");
          params = args == null ? Json.NODES.objectNode() : Query.jsonata(args, "Arguments").evaluate(fieldEnv);
        } else {
          JsonNode template = writer.get("Parameters");
          params = template == null ? Json.NODES.objectNode() : Query.template(template).evaluate(fieldEnv);
        }
      }
      io.github.sfntest.s3.InMemoryS3 target = s3Fixture != null ? s3Fixture : sharedImplicitS3();
      JsonNode result = io.github.sfntest.internal.distributed.ResultWriting.result(writer, params, mapRunArn,
          settings.stateMachineArn(), all, io.github.sfntest.internal.distributed.S3Port.of(target, scheduler::now));
      if (result.has("ResultWriterDetails")) {
        writerDetails = result.get("ResultWriterDetails");
      }
      return result;
    }

    /** The Map Run fails: running children are aborted, then the Map state handles the error. */
    private void fail(String err, String errCause) {
      if (runStatus != ExecutionStatus.RUNNING) {
        return;
      }
      runStatus = ExecutionStatus.FAILED;
      runError = err;
      runCause = errCause;
      stopChildren();
      ObjectNode details = errorDetails(err, errCause);
      emit(entry.frame.history, HistoryEventType.MAP_RUN_FAILED, details, true);
      handleError(entry, err, errCause);
    }

    /** The parent tore the Map state down (stop, timeout, a failed sibling branch). */
    void abort() {
      if (runStatus != ExecutionStatus.RUNNING) {
        return;
      }
      runStatus = ExecutionStatus.ABORTED;
      stopChildren();
    }

    private void stopChildren() {
      for (ExecutionRun child : new ArrayList<>(running.values())) {
        child.stop(null, null);
      }
    }

    io.github.sfntest.engine.MapRunResult toResult() {
      List<io.github.sfntest.engine.ExecutionResult> started = new ArrayList<>();
      for (int i = 0; i < launched; i++) {
        ExecutionRun live = running.get(i);
        started.add(children[i] != null ? children[i] : live != null ? live.result() : null);
      }
      started.removeIf(java.util.Objects::isNull);
      return new io.github.sfntest.engine.MapRunResult(
          mapRunArn,
          entry.state.name(),
          label,
          map.executionType() == null ? "STANDARD" : map.executionType(),
          runStatus,
          runError,
          runCause,
          itemCount,
          batched ? childInputs.size() : 0,
          concurrency,
          tolerated == null ? null : tolerated.count(),
          tolerated == null ? null : tolerated.percentage(),
          failedItems,
          started,
          writerDetails);
    }
  }

  private io.github.sfntest.s3.InMemoryS3 sharedImplicitS3() {
    if (implicitS3 == null) {
      implicitS3 = new io.github.sfntest.s3.InMemoryS3();
    }
    return implicitS3;
  }

  /** Thrown when an ItemReader has neither an S3 fixture nor a mock to read from. */
  private static final class MissingS3Mock extends RuntimeException {
    MissingS3Mock(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Without an S3 fixture the task handler answers the reader's S3 call, like a Task with the
   * reader's Resource: a mock returns the object body (text, JSON, or {"Body": ...}) for
   * getObject, and {"Contents": [...]} (or an array) for listObjectsV2.
   */
  private final class HandlerS3 implements io.github.sfntest.internal.distributed.S3Port {
    final StateEntry entry;
    final String resource;

    HandlerS3(StateEntry entry, String resource) {
      this.entry = entry;
      this.resource = resource;
    }

    private JsonNode call(ObjectNode params) {
      String stateName = entry.state.name();
      int invocation = invocationCounters.merge(stateName, 1, Integer::sum) - 1;
      TaskOutcome outcome;
      try {
        outcome = handler.invoke(new TaskInvocation(settings.stateMachineName(), settings.executionArn(), stateName,
            resource, params, invocation, entry.retryCount, java.util.Optional.empty(), scheduler.now()));
      } catch (RuntimeException e) {
        throw new S3Error(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (outcome instanceof TaskOutcome.Success success) {
        return success.output();
      }
      if (outcome instanceof TaskOutcome.Failure failure) {
        throw new S3Error(failure.cause() != null ? failure.cause() : String.valueOf(failure.error()));
      }
      throw new MissingS3Mock("The ItemReader of Distributed Map state '" + stateName + "' calls " + resource
          + " with " + Json.write(params) + ", but no S3 fixture was given (StartRequest.withS3(InMemoryS3)) and no "
          + "mock answers that call"
          + (outcome instanceof TaskOutcome.NotHandled nh && nh.reason() != null ? ": " + nh.reason() : "."));
    }

    @Override
    public byte[] getObject(String bucket, String key) {
      ObjectNode params = Json.NODES.objectNode();
      params.put("Bucket", bucket);
      params.put("Key", key);
      JsonNode out = call(params);
      JsonNode body = out.isObject() && out.has("Body") ? out.get("Body") : out;
      String text = body.isTextual() ? body.asText() : Json.write(body);
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public List<Listed> listObjects(String bucket, String prefix) {
      ObjectNode params = Json.NODES.objectNode();
      params.put("Bucket", bucket);
      if (prefix != null && !prefix.isEmpty()) {
        params.put("Prefix", prefix);
      }
      JsonNode out = call(params);
      JsonNode contents = out.isArray() ? out : out.path("Contents");
      List<Listed> listed = new ArrayList<>();
      for (JsonNode o : contents) {
        Instant modified = null;
        if (o.hasNonNull("LastModified")) {
          try {
            modified = Instant.parse(o.get("LastModified").asText());
          } catch (DateTimeParseException e) {
            modified = null;
          }
        }
        listed.add(new Listed(o.path("Key").asText(), o.path("Size").asLong(0),
            o.path("ETag").asText(o.path("Etag").asText("")), modified));
      }
      return listed;
    }

    @Override
    public void putObject(String bucket, String key, String body) {
      throw new UnsupportedOperationException("readers do not write");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation environment: $, $$, variables, $states

  private Env env(StateEntry entry, JsonNode in) {
    return new Env(entry, in);
  }

  private ObjectNode statesVar(StateEntry entry, JsonNode result, JsonNode errorOutput) {
    ObjectNode states = Json.NODES.objectNode();
    states.set("input", entry.rawInput);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", contextObject(entry, -1, null));
    return states;
  }

  private ObjectNode contextObject(StateEntry entry, int mapIndex, JsonNode mapValue) {
    if (executionContext == null) {
      executionContext = Json.NODES.objectNode();
      executionContext.put("Id", settings.executionArn());
      executionContext.set("Input", input);
      executionContext.put("StartTime", AWS_TIME.format(settings.startTime()));
      executionContext.put("Name", settings.executionName());
      executionContext.put("RoleArn", settings.roleArn());
      executionContext.put("RedriveCount", 0);
      stateMachineContext = Json.NODES.objectNode();
      stateMachineContext.put("Id", settings.stateMachineArn());
      stateMachineContext.put("Name", settings.stateMachineName());
    }
    ObjectNode ctx = Json.NODES.objectNode();
    ctx.set("Execution", executionContext);
    ctx.set("StateMachine", stateMachineContext);
    ObjectNode state = Json.NODES.objectNode();
    state.put("Name", entry.state.name());
    state.put("EnteredTime", entry.enteredTimeText());
    if (entry.retryCount > 0 || entry.state.type() == StateType.TASK) {
      state.put("RetryCount", entry.retryCount);
    }
    ctx.set("State", state);
    if (entry.taskToken != null) {
      ObjectNode taskNode = Json.NODES.objectNode();
      taskNode.put("Token", entry.taskToken);
      ctx.set("Task", taskNode);
    }
    if (mapIndex >= 0) {
      ObjectNode item = Json.NODES.objectNode();
      item.put("Index", mapIndex);
      item.set("Value", mapValue);
      ObjectNode mapNode = Json.NODES.objectNode();
      mapNode.set("Item", item);
      ctx.set("Map", mapNode);
    }
    return ctx;
  }

  /** EvalEnv for one field of one state entry. */
  private final class Env implements EvalEnv {
    final StateEntry entry;
    final JsonNode in;
    ObjectNode states;
    private boolean statesLazy;
    private JsonNode statesResult;
    private JsonNode statesError;
    int mapIndex = -1;
    JsonNode mapValue;
    private JsonNode context;

    Env(StateEntry entry, JsonNode in) {
      this.entry = entry;
      this.in = in;
    }

    Env with(JsonNode newInput) {
      Env env = new Env(entry, newInput);
      env.states = states;
      env.statesLazy = statesLazy;
      env.statesResult = statesResult;
      env.statesError = statesError;
      env.mapIndex = mapIndex;
      env.mapValue = mapValue;
      return env;
    }

    void mapItem(int index, JsonNode value) {
      mapIndex = index;
      mapValue = value;
      context = null;
    }

    @Override
    public EvalEnv withInput(JsonNode newInput) {
      return with(newInput);
    }

    @Override
    public JsonNode input() {
      return in;
    }

    @Override
    public JsonNode contextObject() {
      if (context == null) {
        context = ExecutionRun.this.contextObject(entry, mapIndex, mapValue);
      }
      return context;
    }

    @Override
    public JsonNode variable(String name) {
      return entry.frame.variables.get(name);
    }

    /** $states is built only if a JSONata expression reads it. */
    void lazyStates(JsonNode result, JsonNode errorOutput) {
      statesResult = result;
      statesError = errorOutput;
      states = null;
      statesLazy = true;
    }

    @Override
    public JsonNode statesVariable() {
      if (states == null) {
        states = statesLazy ? statesVar(entry, statesResult, statesError) : statesVar(entry, null, null);
      }
      return states;
    }

    @Override
    public Instant now() {
      return scheduler.now();
    }

    @Override
    public JsonNode readPath(String path, EvaluationScope scope) {
      return Query.readPath(path, scope);
    }

    @Override
    public RandomGenerator random() {
      return random;
    }
  }
}
