package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.internal.interpreter.InProcessEngine;
import io.github.sfntest.internal.interpreter.TaskTokenException;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.result.EndedExecution;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts executions on the in-process engine (StartExecution, StartSyncExecution) and adopts the
 * executions they start in turn; shared by the execution and callback actions.
 */
final class ExecutionLauncher {

  private static final int MAX_PAYLOAD = EngineOptions.AWS_MAX_PAYLOAD_BYTES;

  private final ServiceContext ctx;

  ExecutionLauncher(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Starts the execution a StartExecution ({@code sync} false) or StartSyncExecution request asks
   * for; {@code <stateMachineArn>#<testCase>} answers its tasks from that test case's mocks.
   */
  ExecutionRecord start(Req r, boolean sync) {
    String requested = r.required("stateMachineArn");
    String name = r.str("name", 80);
    String input = r.str("input", MAX_PAYLOAD);
    r.str("traceHeader", 256);
    String testCase = null;
    int hash = requested.indexOf('#');
    String smArn = requested;
    if (hash >= 0) {
      testCase = requested.substring(hash + 1);
      smArn = requested.substring(0, hash);
    }
    // A version or alias ARN runs that version (an alias picks one by its routing weights).
    StateMachineStore.Target target = ctx.machines().resolve(smArn);
    StateMachineRecord.Snapshot snapshot = target.snapshot();
    if (sync && !snapshot.type().equals("EXPRESS")) {
      throw new ApiException("StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine: StartSyncExecution needs an EXPRESS state machine");
    }
    if (name == null) {
      name = UUID.randomUUID().toString();
    } else {
      Arns.checkName(name);
    }
    String inputText = input == null ? "{}" : input;
    JsonNode inputJson;
    try {
      inputJson = Json.parse(inputText);
    } catch (IllegalArgumentException ex) {
      throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + ex.getMessage() + "'");
    }
    TaskHandler handler = ctx.mocks().handlerFor(snapshot.name(), testCase);
    boolean express = snapshot.type().equals("EXPRESS");
    // EXPRESS names need not be unique (each execution's ARN ends with its own id): nothing to reserve.
    String arn = express ? null : ctx.arns().execution(snapshot.name(), name);
    if (!express) {
      ExecutionRecord existing = ctx.executions().reserve(arn, e -> !sync && e.input.equals(inputText)
          && e.status(Instant.now()) == ExecutionStatus.RUNNING); // AWS: an identical start of a running execution is idempotent
      if (existing != null) {
        return existing;
      }
    }
    // The execution runs (in virtual time) outside the lock, so other requests are not held up.
    try {
      // ExecutionStarted.roleArn and $$.Execution.RoleArn are the state machine's role, as on AWS.
      EngineOptions options = options(testCase).toBuilder().roleArn(snapshot.roleArn()).build();
      StartRequest request = StartRequest.of(snapshot.definition().withName(snapshot.name()), inputJson)
          .withTaskHandler(serverHandler(handler))
          .withExecutionName(name);
      InMemoryS3 s3 = ctx.mocks().s3(testCase);
      if (s3 != null) {
        request = request.withS3(s3);
      }
      if (express) {
        request = request.withType(StateMachineType.EXPRESS);
        if (sync) {
          request = request.withSyncStart();
        }
      }
      InProcessEngine engine = new InProcessEngine(options);
      // Every state machine created on this endpoint can be started by the others (nested executions).
      for (StateMachineRecord deployed : ctx.machines().all()) {
        StateMachineRecord.Snapshot current = deployed.current();
        engine.deploy(current.definition().withName(current.name()),
            "EXPRESS".equals(current.type()) ? StateMachineType.EXPRESS : StateMachineType.STANDARD);
      }
      // A task on an activity deleted through this endpoint fails as on AWS.
      ctx.activities().deleted().forEach(engine::deleteActivity);
      // On a version or alias, $$.StateMachine.Id is the ARN the execution was started with.
      String startedOn = target.alias() != null ? target.alias().arn()
          : target.version() != null ? target.version().arn() : null;
      Execution execution = engine.start(request, startedOn);
      ExecutionRecord record = new ExecutionRecord(execution.executionArn(), name, snapshot, inputText,
          options.startTime(), ctx.realTime(), express, testCase, null,
          target.version() == null ? null : target.version().arn(), target.alias() == null ? null : target.alias().arn(),
          execution);
      ctx.executions().add(record);
      adoptChildren(record);
      return record;
    } finally {
      if (arn != null) {
        ctx.executions().release(arn);
      }
    }
  }

  /** An in-JVM client's start time and seed, else the endpoint's (deterministic) or the wall clock's. */
  private EngineOptions options(String testCase) {
    EngineOptions base = ctx.config().options();
    EngineOptions client = ctx.mocks().options(testCase);
    if (client != null) {
      return base.toBuilder().startTime(client.startTime()).seed(client.seed()).build();
    }
    return ctx.config().deterministic() ? base
        : base.toBuilder().startTime(Instant.now()).seed(ThreadLocalRandom.current().nextLong()).build();
  }

  /** Unmocked activities and callback tasks wait for a worker or a callback, as on AWS. */
  private static TaskHandler serverHandler(TaskHandler base) {
    return invocation -> {
      TaskOutcome outcome = base.invoke(invocation);
      if (outcome instanceof TaskOutcome.NotHandled) {
        String resource = invocation.resource();
        if (resource.contains(":activity:") || resource.endsWith(".waitForTaskToken")) {
          return new TaskOutcome.AwaitCallback(null);
        }
      }
      return outcome;
    };
  }

  /**
   * Executions started by a finished execution (states:startExecution of machines on this
   * endpoint, and the child executions of its Map Runs) become executions of the endpoint too, so
   * Describe/GetExecutionHistory/ListExecutions find them.
   */
  void adoptChildren(ExecutionRecord parent) {
    if (parent.engineRunning()) {
      return;
    }
    ArrayDeque<ExecutionRecord> pending = new ArrayDeque<>();
    pending.add(parent);
    while (!pending.isEmpty()) {
      ExecutionRecord owner = pending.poll();
      ExecutionResult result = owner.result();
      for (ExecutionResult child : result.childExecutions()) {
        ctx.machines().named(child.stateMachineName()).ifPresent(machine ->
            pending.add(adopt(child, machine.current(), null)));
      }
      for (MapRunResult run : result.mapRuns()) {
        StateMachineRecord.Snapshot m = owner.machine;
        // AWS names a Map Run's children's state machine after the parent's, with the run's label.
        StateMachineRecord.Snapshot runMachine = new StateMachineRecord.Snapshot(
            MapRunActions.mapRunMachineArn(m.arn(), run), m.name() + "/" + run.label().orElse(run.stateName()),
            m.type(), m.definitionText(), m.definition(), m.roleArn(), m.description(), m.loggingConfiguration(),
            m.tracingConfiguration(), m.revisionId(), m.updateDate());
        for (ExecutionResult child : run.children()) {
          pending.add(adopt(child, runMachine, run.mapRunArn()));
        }
      }
    }
  }

  private ExecutionRecord adopt(ExecutionResult child, StateMachineRecord.Snapshot machine, String mapRunArn) {
    String arn = child.executionArn();
    String childName = arn.substring(arn.lastIndexOf(':') + 1);
    ExecutionRecord record = new ExecutionRecord(arn, childName, machine, Json.write(child.input()), child.startDate(),
        ctx.realTime(), false, null, mapRunArn, null, null, new EndedExecution(child,
            what -> new IllegalStateException("The execution " + arn + " has ended (" + child.status() + ")"),
            () -> new TaskTokenException("Invalid Token: the execution has ended")));
    // The latest run wins: executions started with one seed repeat their children's ARNs.
    ctx.executions().add(record);
    return record;
  }
}
