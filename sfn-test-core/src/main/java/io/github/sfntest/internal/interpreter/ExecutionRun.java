package io.github.sfntest.internal.interpreter;

import io.github.sfntest.internal.result.Results;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.HistoryRetention;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.asl.StateMachineModel;
import io.github.sfntest.internal.asl.StateType;
import io.github.sfntest.internal.interpreter.states.ChildRun;
import io.github.sfntest.internal.interpreter.states.DistributedMapRun;
import io.github.sfntest.internal.interpreter.states.StateContext;
import io.github.sfntest.internal.interpreter.states.StateExecutors;
import io.github.sfntest.internal.interpreter.states.TaskExecutor;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One execution of a state machine on the virtual-time scheduler: the event loop, the dispatch of
 * each entered state to its executor, and the execution's end. All state logic runs on the thread
 * that drives the scheduler; nothing here is shared between executions. Executors reach the run
 * only through its {@link StateContext} side.
 */
public final class ExecutionRun implements StateContext, ChildRun {

  /** Executors hold no state, so every run shares them. */
  private static final StateExecutors EXECUTORS = new StateExecutors();

  private final StateMachineModel model;
  private final RunSettings settings;
  private final JsonNode input;
  private final TaskHandler handler;
  private final Scheduler scheduler;
  private final Random random;
  private final Map<String, Integer> invocationCounters;
  private final HistoryRecorder history;
  private final ContextObjects contextObjects;
  private final StateIo io;
  private final RetryCatch retryCatch;
  private final CallbackRouter callbacks;
  private final List<ExecutionRun> children = new ArrayList<>();
  private final List<DistributedMapRun> mapRuns = new ArrayList<>();
  private ExecutionStatus status = ExecutionStatus.RUNNING;
  private JsonNode output;
  private String error;
  private String cause;
  private Instant stopDate;
  private String missingMock;
  private Frame root;
  private ChildExecutions childExecutions;
  private InMemoryS3 s3Fixture;
  private InMemoryS3 implicitS3;
  private Consumer<ExecutionRun> endListener;
  private Random distributedRandom;
  private RunObserver observer;
  private Map<String, JsonNode> initialVariables;
  /** The machine's own TimeoutSeconds timer, cancelled when the execution ends and set again by a redrive. */
  private Scheduler.Timer timeoutTimer;
  private int redriveCount;
  /** Why AWS would refuse to redrive this execution whatever the clock says (history limit, maximum duration). */
  private String neverRedrivable;

  /**
   * AWS ends a STANDARD execution that runs longer than a year (an EXPRESS one: five minutes),
   * whatever its Wait states ask, as
   * TIMED_OUT with an ExecutionTimedOut event; virtual time does too. Checked where time moves,
   * not as a timer, so an execution waiting for the test is not timed out a year later by
   * {@code awaitCompletion}.
   */
  private Duration maxDuration = EngineOptions.STANDARD_MAX_DURATION;
  /**
   * Real-time guard (see EngineOptions.maxWallClock); 0 = none. Counted per burst of work (from
   * each call that runs the execution), so time the test spends between calls never counts.
   */
  private long maxWallClockNanos = EngineOptions.DEFAULT_MAX_WALL_CLOCK.toNanos();
  private long wallClockStart = System.nanoTime();

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
    this.history = new HistoryRecorder(scheduler, settings.maxHistoryEvents(), this::historyLimitReached);
    this.contextObjects = new ContextObjects(settings, input, scheduler, random);
    this.io = new StateIo(this, settings.maxPayloadBytes());
    this.retryCatch = new RetryCatch(this, EXECUTORS, random);
    this.callbacks = new CallbackRouter(this, EXECUTORS.tasks());
  }

  /** A child of states:startExecution.sync: its own history and counters, on the parent's clock. */
  ExecutionRun(StateMachineModel model, RunSettings settings, JsonNode input, TaskHandler handler, ExecutionRun parent) {
    this(model, settings, input, handler, parent.scheduler, new HashMap<>());
  }

  // ---------------------------------------------------------------------------------------------
  // Configuring and driving the execution

  /** Lets states:startExecution tasks run deployed state machines as child executions. */
  public void childExecutions(ChildExecutions starter) {
    this.childExecutions = starter;
  }

  ChildExecutions childExecutionStarter() {
    return childExecutions;
  }

  /** The S3 buckets Distributed Map readers and writers use; without one, readers ask the task handler. */
  public void s3(InMemoryS3 fixture) {
    this.s3Fixture = fixture;
  }

  /** Variables the execution starts with (a single-state test's {@code variables}); call before {@link #start()}. */
  public void initialVariables(Map<String, JsonNode> values) {
    initialVariables = values;
  }

  /** The context object the top-level states see instead of the synthesised one (a single-state test's {@code context}). */
  public void contextObject(JsonNode context) {
    contextObjects.override(context);
  }

  /** Leaves {@code Execution.RedriveCount} out of the synthesised context object, as AWS's TestState does. */
  public void withoutRedriveCount() {
    contextObjects.withoutRedriveCount();
  }

  /** Watches states entered and left, retries and catches (coverage); null to stop. */
  public void observe(RunObserver value) {
    observer = value;
    retryCatch.listener(value);
  }

  /** This (not yet started) run, rebuilt to run on {@code parent}'s scheduler with its own counters. */
  ExecutionRun onSchedulerOf(ExecutionRun parent) {
    ExecutionRun moved = new ExecutionRun(model, settings, input, handler, parent);
    moved.childExecutions = childExecutions;
    moved.s3Fixture = s3Fixture;
    return moved;
  }

  /** Records ExecutionStarted and queues the first state. */
  @Override
  public void start() {
    // Rendered when read, like the states' events: a big input is not written per execution.
    history.emitLazy(new HistoryContext(0), HistoryEventType.EXECUTION_STARTED,
        () -> HistoryRecorder.executionStartedDetails(input, settings.roleArn()));
    // AWS links the first state's Entered event to event 0, not to ExecutionStarted.
    VariableScope variables = new VariableScope(null);
    if (initialVariables != null) {
      initialVariables.forEach(variables::set);
    }
    root = new Frame(null, model.root(), variables, new HistoryContext(0), new RootListener());
    // The machine's own TimeoutSeconds is a timer; AWS's limit per type is the maximum-duration check (maxEnd).
    Integer timeout = model.timeoutSeconds();
    if (timeout != null) {
      timeoutTimer = scheduler.schedule(Duration.ofSeconds(timeout), this::executionTimedOut);
    }
    enter(root, model.root().startAt(), input);
  }

  /**
   * Runs until the execution ends or must wait. With {@code skipTime}, timers (Wait states, retry
   * intervals, timeouts) fire at once in virtual time; without, virtual time does not move and
   * the run stops at the first wait, so a test can act before anything times out.
   */
  public void runUntilIdle(boolean skipTime) {
    wallClockStart = System.nanoTime();
    while (true) {
      scheduler.drainReady();
      if (status != ExecutionStatus.RUNNING || !skipTime || !fireNextTimer()) {
        return;
      }
    }
  }

  /** Skips virtual time until the execution ends or something waits for a callback or worker. */
  public void runUntilBlocked() {
    wallClockStart = System.nanoTime();
    while (true) {
      scheduler.drainReady();
      if (status != ExecutionStatus.RUNNING || !pendingTasks().isEmpty() || !fireNextTimer()) {
        return;
      }
    }
  }

  /** Moves virtual time forward by {@code duration}, firing every timer due on the way. */
  public void advanceTime(Duration duration) {
    wallClockStart = System.nanoTime();
    Instant target = scheduler.now().plus(duration);
    while (status == ExecutionStatus.RUNNING) {
      scheduler.drainReady();
      Instant due = scheduler.nextTimerDue();
      if (due == null || due.isAfter(target)) {
        break;
      }
      fireNextTimer();
    }
    scheduler.drainReady();
    if (status == ExecutionStatus.RUNNING && target.isAfter(maxEnd())) {
      scheduler.advanceTo(maxEnd());
      neverRedrivable = "Execution has exceeded the max execution time.";
      executionTimedOut();
    }
    scheduler.advanceTo(target);
  }

  /** Fires the next due timer (and everything it unblocks); no-op when none is scheduled. */
  public void advanceToNextTimer() {
    wallClockStart = System.nanoTime();
    scheduler.drainReady();
    if (status == ExecutionStatus.RUNNING && fireNextTimer()) {
      scheduler.drainReady();
    }
  }

  /** AWS's maximum execution duration for this execution's type (EngineOptions.maxExecutionDuration). */
  public void maxDuration(Duration limit) {
    this.maxDuration = limit;
  }

  public void historyRetention(HistoryRetention value) {
    history.retention(value);
  }

  public void maxWallClock(Duration limit) {
    this.maxWallClockNanos = limit.toNanos();
  }

  /** True (and the execution failed with a message saying why) once the real-time guard is spent. */
  private boolean wallClockSpent() {
    if (maxWallClockNanos <= 0) {
      return false;
    }
    if (System.nanoTime() - wallClockStart <= maxWallClockNanos) {
      return false;
    }
    failExecution(StatesErrors.RUNTIME, RunSettings.wallClockSpent(maxWallClockNanos));
    return true;
  }

  /** When AWS ends this execution whatever it does: a year after its start, five minutes for an EXPRESS one. */
  private Instant maxEnd() {
    Duration limit = maxDuration;
    if (settings.express() && limit.compareTo(EngineOptions.EXPRESS_MAX_DURATION) > 0) {
      limit = EngineOptions.EXPRESS_MAX_DURATION;
    }
    return settings.startTime().plus(limit);
  }

  /** Fires the next timer, or ends the execution when that timer lies beyond its maximum duration. */
  private boolean fireNextTimer() {
    Instant due = scheduler.nextTimerDue();
    if (due != null && due.isAfter(maxEnd()) && status == ExecutionStatus.RUNNING) {
      scheduler.advanceTo(maxEnd());
      neverRedrivable = "Execution has exceeded the max execution time.";
      executionTimedOut();
      return true;
    }
    return scheduler.fireNextTimer();
  }

  // ---------------------------------------------------------------------------------------------
  // What the execution is and did

  public boolean finished() {
    return status != ExecutionStatus.RUNNING;
  }

  @Override
  public ExecutionStatus status() {
    return status;
  }

  @Override
  public Instant now() {
    return scheduler.now();
  }

  public List<HistoryEvent> events() {
    return history.events();
  }

  /** Why the execution failed for lack of a mock, if it did (the test, not the machine, is wrong). */
  @Override
  public String missingMock() {
    return missingMock;
  }

  public String executionArn() {
    return settings.executionArn();
  }

  @Override
  public ExecutionResult result() {
    List<ExecutionResult> childResults = new ArrayList<>();
    for (ExecutionRun child : children) {
      childResults.add(child.result());
    }
    List<MapRunResult> mapRunResults = new ArrayList<>(mapRuns.size());
    for (DistributedMapRun run : mapRuns) {
      mapRunResults.add(run.toResult());
    }
    return Results.execution(settings.executionArn(), settings.stateMachineName(), status, input, output, error,
        cause, settings.startTime(), stopDate, new ExecutionHistory(history.events(), history.retention()), childResults, mapRunResults,
        ExpressBilling.of(settings, stopDate, model.source(), input, history.events()));
  }

  // ---------------------------------------------------------------------------------------------
  // Callbacks from outside: tokens route to the run whose task waits for them

  /**
   * Tasks waiting for a callback or an activity worker, oldest first, including those of running
   * children on this run's clock (they answer through this execution, as on AWS through the token).
   */
  public List<PendingTask> pendingTasks() {
    return callbacks.pendingTasks();
  }

  public void sendTaskSuccess(String token, JsonNode taskOutput) {
    callbacks.sendTaskSuccess(token, taskOutput);
  }

  public void sendTaskFailure(String token, String taskError, String taskCause) {
    callbacks.sendTaskFailure(token, taskError, taskCause);
  }

  public void sendTaskHeartbeat(String token) {
    callbacks.sendTaskHeartbeat(token);
  }

  /** An activity worker took the task: records ActivityStarted. */
  public void activityStarted(String token, String workerName) {
    callbacks.activityStarted(token, workerName);
  }

  CallbackRouter callbacks() {
    return callbacks;
  }

  /** Children on this run's clock that still run: sync child executions and Map Run children. */
  List<ExecutionRun> liveChildren() {
    List<ExecutionRun> live = new ArrayList<>();
    for (ExecutionRun child : children) {
      if (child.scheduler == scheduler && !child.finished()) {
        live.add(child);
      }
    }
    for (DistributedMapRun mapRun : mapRuns) {
      for (ChildRun child : mapRun.runningChildren()) {
        live.add((ExecutionRun) child);
      }
    }
    return live;
  }

  void adopt(ExecutionRun child) {
    children.add(child);
  }

  void onEnd(Consumer<ExecutionRun> listener) {
    endListener = listener;
  }

  // ---------------------------------------------------------------------------------------------
  // Ending

  /** Stops the execution as StopExecution does. */
  @Override
  public void stop(String stopError, String stopCause) {
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    abortFrame(root);
    end(ExecutionStatus.ABORTED, null, stopError, stopCause);
    history.record(0, HistoryEventType.EXECUTION_ABORTED, HistoryRecorder.errorDetails(stopError, stopCause));
  }

  /** Why RedriveExecution would refuse this execution at {@code now}, in AWS's words; null when it can be redriven. */
  public String notRedrivableReason(Instant now) {
    return Redrives.notRedrivableReason(settings.express(), status, neverRedrivable, stopDate, now);
  }

  /**
   * RedriveExecution: continues the ended execution from its unsuccessful top-level state with that
   * state's original input, the variables and event ids going on. Check {@link #notRedrivableReason} first.
   */
  public void redrive() {
    StateEntry unsuccessful = root.current;
    redriveCount++;
    status = ExecutionStatus.RUNNING;
    output = null;
    error = null;
    cause = null;
    stopDate = null;
    long id = history.record(history.lastEventId(), HistoryEventType.EXECUTION_REDRIVEN, Redrives.details(redriveCount));
    contextObjects.redriven(redriveCount, scheduler.now());
    root = new Frame(null, model.root(), root.variables, new HistoryContext(id), new RootListener());
    root.redriveFrom = unsuccessful;
    if (model.timeoutSeconds() != null) {
      timeoutTimer = scheduler.schedule(Duration.ofSeconds(model.timeoutSeconds()), this::executionTimedOut);
    }
    enter(root, unsuccessful == null ? model.root().startAt() : unsuccessful.state.name(),
        unsuccessful == null ? input : unsuccessful.rawInput);
  }

  /** How often the execution was redriven. */
  public int redriveCount() {
    return redriveCount;
  }

  private void end(ExecutionStatus endStatus, JsonNode endOutput, String endError, String endCause) {
    status = endStatus;
    output = endOutput;
    error = endError;
    cause = endCause;
    stopDate = scheduler.now();
    callbacks.cancelAll();
    if (timeoutTimer != null) {
      timeoutTimer.cancel();
    }
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
      end(ExecutionStatus.SUCCEEDED, out, null, null);
      history.emitLazy(frame.history, HistoryEventType.EXECUTION_SUCCEEDED,
          () -> HistoryRecorder.executionSucceededDetails(out));
    }

    @Override
    public void failed(Frame frame, String failError, String failCause) {
      if (status == ExecutionStatus.RUNNING) {
        endFailed(frame, failError, failCause);
      }
    }
  }

  @Override
  public void failExecution(String failError, String failCause) {
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    abortFrame(root);
    endFailed(root, failError, failCause);
  }

  private void endFailed(Frame frame, String failError, String failCause) {
    end(ExecutionStatus.FAILED, null, failError, failCause);
    history.emit(frame.history, HistoryEventType.EXECUTION_FAILED, HistoryRecorder.errorDetails(failError, failCause),
        true);
  }

  private void historyLimitReached(HistoryEventType type) {
    if (status == ExecutionStatus.RUNNING && type != HistoryEventType.EXECUTION_FAILED) {
      neverRedrivable = "Execution history event limit exceeded.";
      failExecution(StatesErrors.RUNTIME, "The execution reached the maximum number of history events ("
          + settings.maxHistoryEvents() + "). AWS Step Functions limits an execution history to 25,000 events.");
    }
  }

  private void executionTimedOut() {
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    abortFrame(root);
    end(ExecutionStatus.TIMED_OUT, null, null, null);
    history.emit(root.history, HistoryEventType.EXECUTION_TIMED_OUT, Json.NODES.objectNode(), true);
  }

  @Override
  public void missingMock(String reason) {
    missingMock = reason;
    failExecution(StatesErrors.RUNTIME, reason);
  }

  // ---------------------------------------------------------------------------------------------
  // States: enter, dispatch, exit

  private void enterState(Frame frame, String name, JsonNode stateInput) {
    if (frame.aborted() || status != ExecutionStatus.RUNNING || wallClockSpent()) {
      return;
    }
    State state = frame.branch.state(name);
    if (state == null) {
      failExecution(StatesErrors.RUNTIME, "The state '" + name + "' does not exist in the state machine.");
      return;
    }
    long enteredPrevious = frame.history.source;
    long id = history.emitLazy(frame.history, HistoryRecorder.entered(state.type()),
        () -> HistoryRecorder.stateEnteredDetails(name, stateInput));
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    StateEntry entry = new StateEntry(frame, state, stateInput, id, scheduler.now());
    entry.enteredPreviousId = enteredPrevious;
    frame.current = entry;
    frame.linkRedrive(entry);
    if (observer != null) {
      observer.entered(entry);
    }
    try {
      EXECUTORS.of(state.type()).execute(entry, this);
    } catch (StatesException e) {
      fail(entry, e);
    } catch (io.github.sfntest.internal.json.JsonLimitException e) {
      // A value built beyond what JSON here can hold (e.g. a mocked result nested too deep) fails the state.
      fail(entry, new StatesException(StatesErrors.RUNTIME, "The state '" + name + "' handled a value that "
          + "cannot be written as JSON: " + e.getMessage() + ". Make the result or the state's input shallower."));
    }
  }

  @Override
  public void fail(StateEntry entry, StatesException e) {
    String errCause = e.stateScoped() ? errorPrefix(entry) + e.cause() : e.cause();
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

  /** AWS records where a JSONata evaluation failed before the state's failure. */
  private void evaluationFailed(StateEntry entry, String err, String errCause) {
    ObjectNode details = HistoryRecorder.evaluationFailedDetails(entry.state.name(), err, errCause,
        errCause.substring(Math.min(errCause.length(), errorPrefix(entry).length())));
    HistoryContext h = entry.frame.history;
    // Wait states link it to their Entered event, the others to the event before it.
    h.source = entry.state.type() == StateType.WAIT ? entry.enteredEventId : entry.enteredPreviousId;
    history.emit(h, HistoryEventType.EVALUATION_FAILED, details, true);
  }

  @Override
  public String errorPrefix(StateEntry entry) {
    return "An error occurred while executing the state '" + entry.state.name()
        + "' (entered at the event id #" + entry.enteredEventId + "). ";
  }

  @Override
  public void exit(StateEntry entry, JsonNode out, Map<String, JsonNode> assigned) {
    exitTo(entry, out, assigned, entry.state.common().end() ? null : entry.state.common().next());
  }

  @Override
  public void exitTo(StateEntry entry, JsonNode out, Map<String, JsonNode> assigned, String next) {
    if (entry.finished || entry.frame.aborted()) {
      return;
    }
    entry.finished = true;
    entry.cancelTimers();
    // A state that passes its input on unchanged cannot exceed the limits its input met.
    StatesException refused = out != entry.rawInput ? io.outputRefusal(entry, out) : null;
    if (refused != null) {
      entry.finished = false;
      handleError(entry, refused.error(), refused.cause());
      return;
    }
    String name = entry.state.name();
    Frame frame = entry.frame;
    history.emitLazy(frame.history, HistoryRecorder.exited(entry.state.type()), () -> {
      ObjectNode details = Json.NODES.objectNode();
      details.put("name", name);
      details.put("output", Json.write(out));
      details.set("outputDetails", HistoryRecorder.NOT_TRUNCATED);
      if (assigned != null) {
        ObjectNode vars = Json.NODES.objectNode();
        assigned.forEach((k, v) -> vars.put(k, Json.write(v)));
        details.set("assignedVariables", vars);
        details.set("assignedVariablesDetails", HistoryRecorder.NOT_TRUNCATED);
      }
      return details;
    });
    if (status != ExecutionStatus.RUNNING) {
      return;
    }
    if (observer != null) {
      observer.exited(entry, next);
    }
    if (next != null) {
      enter(frame, next, out);
    } else if (!frame.done) {
      frame.done = true;
      frame.listener.succeeded(frame, out);
    }
  }

  @Override
  public void enter(Frame frame, String stateName, JsonNode stateInput) {
    scheduler.post(() -> enterState(frame, stateName, stateInput));
  }

  @Override
  public void handleError(StateEntry entry, String err, String errCause) {
    retryCatch.handle(entry, err, errCause);
  }

  @Override
  public void frameFailed(Frame frame, String failError, String failCause) {
    if (frame.done) {
      return;
    }
    abortFrame(frame);
    frame.listener.failed(frame, failError, failCause);
  }

  @Override
  public void abortFrame(Frame frame) {
    frame.done = true;
    for (Runnable cleanup : frame.cleanups) {
      cleanup.run();
    }
    frame.cleanups.clear();
  }

  @Override
  public void stateAborted(Frame frame, long link) {
    StateEntry current = frame.current;
    if (current != null && !current.finished) {
      HistoryEventType type = HistoryRecorder.aborted(current.state.type());
      if (type != null) {
        current.finished = true;
        current.cancelTimers();
        history.record(frame.history.depth, link, type, null);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The rest of the StateContext port

  @Override
  public RunSettings settings() {
    return settings;
  }

  @Override
  public boolean running() {
    return status == ExecutionStatus.RUNNING;
  }

  @Override
  public StateEnv env(StateEntry entry, JsonNode in) {
    return contextObjects.env(entry, in);
  }

  @Override
  public StateIo io() {
    return io;
  }

  @Override
  public long emit(HistoryContext ctx, HistoryEventType type, ObjectNode details, boolean updateSource) {
    return history.emit(ctx, type, details, updateSource);
  }

  @Override
  public long emitLazy(HistoryContext ctx, HistoryEventType type, Supplier<ObjectNode> details) {
    return history.emitLazy(ctx, type, details);
  }

  @Override
  public long record(HistoryContext owner, long previous, HistoryEventType type, ObjectNode details) {
    return history.record(owner.depth, previous, type, details);
  }

  @Override
  public void post(Runnable action) {
    scheduler.post(action);
  }

  @Override
  public Scheduler.Timer schedule(Duration delay, Runnable action) {
    return scheduler.schedule(delay, action);
  }

  @Override
  public Scheduler.Timer scheduleAt(Instant due, Runnable action) {
    return scheduler.scheduleAt(due, action);
  }

  @Override
  public int nextInvocation(String stateName) {
    return invocationCounters.merge(stateName, 1, Integer::sum) - 1;
  }

  @Override
  public TaskOutcome invoke(TaskInvocation call) {
    return handler.invoke(call);
  }

  @Override
  public String newTaskToken() {
    return CallbackRouter.newToken(random);
  }

  @Override
  public boolean activityExists(String activityArn) {
    return childExecutions == null || childExecutions.activityExists(activityArn);
  }

  @Override
  public void awaitCallback(PendingTask task) {
    callbacks.await(task);
  }

  @Override
  public void forgetCallback(String token) {
    callbacks.forget(token);
  }

  @Override
  public boolean startChildExecution(StateEntry entry, TaskResource resource, JsonNode params, TaskExecutor tasks) {
    return childExecutions != null && ChildExecutionTasks.start(this, childExecutions, entry, resource, params, tasks);
  }

  @Override
  public UUID newMapRunUuid() {
    if (distributedRandom == null) {
      distributedRandom = new Random(settings.seed() ^ 0x6D61705275E5L);
    }
    long hi = (distributedRandom.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (distributedRandom.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  @Override
  public ChildRun startMapRunChild(RunSettings childSettings, StateMachineModel childModel, JsonNode childInput,
      Consumer<ChildRun> onEnd) {
    ExecutionRun child = new ExecutionRun(childModel, childSettings, childInput, handler, scheduler, invocationCounters);
    child.s3Fixture = s3Fixture != null ? s3Fixture : implicitS3();
    // Map Run children start deployed state machines like any execution of this engine.
    child.childExecutions = childExecutions;
    child.historyRetention(history.retention() == HistoryRetention.FULL ? HistoryRetention.FULL : HistoryRetention.NONE);
    child.endListener = onEnd::accept;
    return child;
  }

  @Override
  public void mapRunStarted(DistributedMapRun run) {
    mapRuns.add(run);
  }

  @Override
  public InMemoryS3 s3Fixture() {
    return s3Fixture;
  }

  @Override
  public InMemoryS3 implicitS3() {
    if (implicitS3 == null) {
      implicitS3 = new InMemoryS3();
    }
    return implicitS3;
  }
}
