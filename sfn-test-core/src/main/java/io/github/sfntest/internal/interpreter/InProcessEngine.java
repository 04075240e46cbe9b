package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The in-process engine: each execution runs on the caller's thread in virtual time. */
public final class InProcessEngine implements Engine {

  private final EngineOptions options;
  private final StateMachineVersions versions;
  private final AtomicLong executions = new AtomicLong();
  /** The executions this engine ran that a redrive may still need (an engine lives for one test or one endpoint). */
  private final java.util.Map<String, InProcessExecution> executionsByArn = new java.util.concurrent.ConcurrentHashMap<>();
  /**
   * The executions that ended for good (SUCCEEDED, or EXPRESS), by ARN: only AWS's reason to refuse
   * their redrive. Their runs and histories are not kept, so an engine running the same machine many
   * times holds no more than the caller keeps of each result.
   */
  private final java.util.Map<String, String> endedForGood = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, io.github.sfntest.definition.StateMachineDefinition> deployed =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ActivityRegistry activities = new ActivityRegistry();
  /** The names of the deployed machines that are EXPRESS: their child executions run as EXPRESS ones. */
  private final Set<String> expressMachines = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public InProcessEngine(EngineOptions options) {
    this.options = options;
    this.versions = new StateMachineVersions("arn:aws:states:" + options.region() + ":" + options.account() + ":",
        options.seed());
  }

  @Override
  public String publishVersion(io.github.sfntest.definition.StateMachineDefinition definition) {
    deploy(definition);
    return versions.publish(definition);
  }

  @Override
  public String createAlias(String stateMachineName, String aliasName, java.util.Map<Integer, Integer> weightsByVersion) {
    return versions.createAlias(stateMachineName, aliasName, weightsByVersion);
  }

  @Override
  public String createActivity(String name) {
    String arn = "arn:aws:states:" + options.region() + ":" + options.account() + ":activity:" + name;
    activities.created(arn);
    return arn;
  }

  @Override
  public void deleteActivity(String activityArn) {
    activities.deleted(activityArn);
  }

  @Override
  public void deploy(io.github.sfntest.definition.StateMachineDefinition definition) {
    deploy(definition, io.github.sfntest.engine.StateMachineType.STANDARD);
  }

  @Override
  public void deploy(io.github.sfntest.definition.StateMachineDefinition definition,
      io.github.sfntest.engine.StateMachineType type) {
    boolean express = type == io.github.sfntest.engine.StateMachineType.EXPRESS;
    if (express) {
      refuseForExpress(definition);
      expressMachines.add(definition.name());
    } else {
      expressMachines.remove(definition.name());
    }
    deployed.put(definition.name(), definition);
  }

  /** AWS's refusals of a definition for EXPRESS (.sync, .waitForTaskToken, activities). */
  private static void refuseForExpress(io.github.sfntest.definition.StateMachineDefinition definition) {
    var refused = io.github.sfntest.internal.validation.ExpressRules.check(Json.parse(definition.toJson()));
    if (!refused.isEmpty()) {
      throw new io.github.sfntest.definition.InvalidDefinitionException(definition.name(), refused);
    }
  }

  @Override
  public Execution start(StartRequest request) {
    int limit = options.maxPayloadBytes();
    if (limit > 0 && io.github.sfntest.internal.json.Json.utf8SizeUpperBound(request.input()) > limit) {
      int size = io.github.sfntest.internal.json.Json.utf8Size(io.github.sfntest.internal.json.Json.write(request.input()));
      if (size > limit) {
        // StartExecution refuses such input with a ValidationException.
        throw new IllegalArgumentException("The execution input is " + size + " bytes; AWS Step Functions accepts at "
            + "most " + limit + " bytes (256 KiB) of input. Set EngineOptions.maxPayloadBytes(0) to lift the limit.");
      }
    }
    io.github.sfntest.definition.StateMachineDefinition definition = request.definition();
    if (request.type() == io.github.sfntest.engine.StateMachineType.EXPRESS) {
      refuseForExpress(definition);
    }
    String stateMachineArn = null;
    if (request.qualifier() != null) {
      StateMachineVersions.Resolved resolved = versions.resolve(definition.name(), request.qualifier());
      definition = resolved.definition();
      stateMachineArn = resolved.stateMachineArn();
    }
    return start(request.withDefinition(definition), stateMachineArn);
  }

  /**
   * Starts {@code request} as an execution of {@code stateMachineArn} (a version or alias ARN,
   * {@code $$.StateMachine.Id}); null for the definition's own ARN. The endpoint starts executions
   * of its versions and aliases this way.
   */
  public Execution start(StartRequest request, String stateMachineArn) {
    ExecutionRun run = newRun(request.definition(), request.input(), request.executionName(), options.startTime(),
        request.taskHandler(), request.s3(), stateMachineArn,
        request.type() == io.github.sfntest.engine.StateMachineType.EXPRESS, request.startedSync());
    run.start();
    run.runUntilIdle(false);
    InProcessExecution execution = new InProcessExecution(run, this::ended);
    executionsByArn.put(run.executionArn(), execution);
    ended(run);
    return execution;
  }

  /** Forgets {@code run} once no redrive can ever take it (its status cannot change any more). */
  private void ended(ExecutionRun run) {
    if (run.finished() && (run.status() == ExecutionStatus.SUCCEEDED || run.settings().express())) {
      String reason = run.notRedrivableReason(run.now());
      if (reason != null) {
        endedForGood.put(run.executionArn(), reason);
        executionsByArn.remove(run.executionArn());
      }
    }
  }

  @Override
  public Execution redrive(String executionArn) {
    InProcessExecution execution = executionsByArn.get(executionArn);
    String reason = execution == null ? endedForGood.get(executionArn) : null;
    if (reason != null) {
      throw new io.github.sfntest.engine.ExecutionNotRedrivableException(executionArn, reason);
    }
    if (execution == null) {
      throw new IllegalArgumentException("This engine ran no execution " + executionArn + " (executions it ran: "
          + (executionsByArn.size() + endedForGood.size()) + "); redrive an execution of the same engine, e.g. engine.redrive(result.executionArn()).");
    }
    return execution.redrive();
  }

  private ExecutionRun newRun(io.github.sfntest.definition.StateMachineDefinition definition, JsonNode input,
      String executionName, java.time.Instant startTime, io.github.sfntest.mock.TaskHandler handler,
      io.github.sfntest.s3.InMemoryS3 s3, String qualifiedArn, boolean express, boolean startedSync) {
    String smName = definition.name();
    long number = executions.getAndIncrement();
    // Names derive from the seed and a per-engine counter so reruns give identical histories.
    String execName = executionName != null
        ? executionName
        : new UUID(options.seed() * 31 + 0x5f7e57L, number).toString();
    String prefix = "arn:aws:states:" + options.region() + ":" + options.account() + ":";
    RunSettings settings = new RunSettings(
        smName,
        qualifiedArn != null ? qualifiedArn : prefix + "stateMachine:" + smName,
        execName,
        express
            // arn:aws:states:REGION:ACCOUNT:express:MACHINE:NAME:ID, the ID derived like the name
            ? prefix + "express:" + smName + ":" + execName + ":" + new UUID(options.seed() * 37 + 0xe7b5L, number)
            : prefix + "execution:" + smName + ":" + execName,
        options.roleArn(),
        options.region(),
        options.account(),
        startTime,
        options.seed() ^ (number * 0x9E3779B97F4A7C15L),
        options.maxHistoryEvents(),
        options.maxPayloadBytes(),
        startedSync);
    ExecutionRun run = new ExecutionRun(Definitions.model(definition), settings, input, handler);
    run.maxWallClock(options.maxWallClock());
    run.historyRetention(options.historyRetention());
    run.maxDuration(options.maxExecutionDuration());
    run.s3(s3);
    run.childExecutions((arn, childInput, childName, childStart, syncStart) -> {
      // A deployed machine is found by its ARN's name part, whatever account/region the ARN names.
      String name = arn.substring(arn.lastIndexOf(':') + 1);
      if (arn.contains(":stateMachine:")) {
        String afterType = arn.substring(arn.indexOf(":stateMachine:") + ":stateMachine:".length());
        name = afterType.contains(":") ? afterType.substring(0, afterType.indexOf(':')) : afterType;
      }
      io.github.sfntest.definition.StateMachineDefinition child = deployed.get(name);
      // A child of an EXPRESS machine is an EXPRESS execution; StartSyncExecution starts it "sync" (no RedriveCount).
      boolean expressChild = expressMachines.contains(name);
      return child == null ? null : newRun(child, childInput, childName, childStart, handler, s3, null,
          expressChild, expressChild && syncStart);
    });
    ChildExecutions ownClock = run.childExecutionStarter();
    run.childExecutions(new ChildExecutions() {
      @Override
      public ExecutionRun start(String arn, JsonNode childInput, String childName, java.time.Instant childStart,
          boolean syncStart) {
        return ownClock.start(arn, childInput, childName, childStart, syncStart);
      }

      @Override
      public boolean activityExists(String activityArn) {
        return activities.exists(activityArn);
      }

      @Override
      public ExecutionRun startOnSchedulerOf(ExecutionRun parent, String arn, JsonNode childInput, String childName,
          boolean syncStart) {
        ExecutionRun detached = ownClock.start(arn, childInput, childName, parent.now(), syncStart);
        return detached == null ? null : detached.onSchedulerOf(parent);
      }
    });
    return run;
  }

  @Override
  public Set<EngineCapability> capabilities() {
    return EnumSet.allOf(EngineCapability.class);
  }

  @Override
  public EngineOptions options() {
    return options;
  }

  /** Offline, as AWS's TestState: the state runs in an execution of its own on this engine's options. */
  @Override
  public io.github.sfntest.teststate.TestStateResult testState(io.github.sfntest.teststate.TestStateRequest request) {
    return io.github.sfntest.internal.teststate.TestStateRunner.run(request, options);
  }

  @Override
  public void close() {}

  /** Execution handle; calls are serialised because the run itself is single-threaded. */
  private static final class InProcessExecution implements Execution {
    private final ExecutionRun run;
    /** Tells the engine when a call finished the run, so it can stop keeping it. */
    private final java.util.function.Consumer<ExecutionRun> onFinished;

    InProcessExecution(ExecutionRun run, java.util.function.Consumer<ExecutionRun> onFinished) {
      this.run = run;
      this.onFinished = onFinished;
    }

    @Override
    public String executionArn() {
      return run.executionArn();
    }

    @Override
    public synchronized ExecutionStatus status() {
      return run.status();
    }

    @Override
    public synchronized ExecutionHistory history() {
      return new ExecutionHistory(run.events());
    }

    @Override
    public synchronized List<WaitingTask> waitingTasks() {
      List<WaitingTask> tasks = new ArrayList<>();
      for (PendingTask p : run.pendingTasks()) {
        tasks.add(new WaitingTask(p.stateName(), p.resource(), p.token(), p.parameters(), p.activity()));
      }
      return tasks;
    }

    @Override
    public synchronized WaitingTask awaitTask(String stateName) {
      while (true) {
        for (WaitingTask task : waitingTasks()) {
          if (task.stateName().equals(stateName)) {
            return task;
          }
        }
        if (run.finished()) {
          throw new IllegalStateException("The execution ended (" + run.status() + ") before state \"" + stateName
              + "\" waited for a callback. States visited: " + history().enteredStateNames());
        }
        Instant before = run.now();
        int eventsBefore = run.events().size();
        run.advanceToNextTimer();
        if (run.now().equals(before) && run.events().size() == eventsBefore) {
          throw new IllegalStateException("State \"" + stateName + "\" is not waiting for a callback, and the execution "
              + "cannot go on by itself. Waiting tasks: " + waitingTasks().stream().map(WaitingTask::stateName).toList());
        }
      }
    }

    @Override
    public synchronized WaitingTask startActivityTask(String stateName, String workerName) {
      for (PendingTask p : run.pendingTasks()) {
        if (p.activity() && !p.started() && p.stateName().equals(stateName)) {
          run.activityStarted(p.token(), workerName);
          return new WaitingTask(p.stateName(), p.resource(), p.token(), p.parameters(), true);
        }
      }
      WaitingTask waiting = awaitTask(stateName);
      if (!waiting.activity()) {
        throw new IllegalStateException("State \"" + stateName + "\" waits for a task token, not for an activity worker: "
            + "answer it with sendTaskSuccess/sendTaskFailure");
      }
      run.activityStarted(waiting.taskToken(), workerName);
      return waiting;
    }

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
      JsonNode output;
      try {
        output = Json.parse(outputJson);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The task output is not valid JSON: " + e.getMessage(), e);
      }
      sendTaskSuccess(taskToken, output);
    }

    @Override
    public synchronized void sendTaskSuccess(String taskToken, JsonNode output) {
      run.sendTaskSuccess(taskToken, output);
      run.runUntilIdle(false);
    }

    @Override
    public synchronized void sendTaskFailure(String taskToken, String error, String cause) {
      run.sendTaskFailure(taskToken, error, cause);
      run.runUntilIdle(false);
    }

    @Override
    public synchronized void sendTaskHeartbeat(String taskToken) {
      run.sendTaskHeartbeat(taskToken);
    }

    @Override
    public synchronized void runUntilBlocked() {
      run.runUntilBlocked();
    }

    @Override
    public synchronized void advanceTime(Duration duration) {
      run.advanceTime(duration);
    }

    @Override
    public synchronized void stop(String error, String cause) {
      run.stop(error, cause);
    }

    @Override
    public synchronized java.util.Optional<String> notRedrivableReason() {
      return java.util.Optional.ofNullable(run.notRedrivableReason(run.now()));
    }

    @Override
    public synchronized Execution redrive() {
      String reason = run.notRedrivableReason(run.now());
      if (reason != null) {
        throw new io.github.sfntest.engine.ExecutionNotRedrivableException(run.executionArn(), reason);
      }
      run.redrive();
      run.runUntilIdle(false);
      return this;
    }

    @Override
    public synchronized ExecutionResult awaitCompletion() {
      run.runUntilIdle(true);
      if (!run.finished() && waitingTasks().isEmpty()) {
        throw new IllegalStateException("Internal error: the execution stopped without finishing and without "
            + "waiting for anything. Please report it with this history:\n" + run.result().render());
      }
      if (!run.finished()) {
        throw new IllegalStateException("The execution cannot finish by itself: it waits for callbacks of "
            + waitingTasks().stream().map(t -> "\"" + t.stateName() + "\"").toList()
            + ". Use engine.start(...), then execution.awaitTask(state) and sendTaskSuccess/sendTaskFailure, "
            + "or mock the task.");
      }
      onFinished.accept(run);
      return run.result();
    }
  }
}
