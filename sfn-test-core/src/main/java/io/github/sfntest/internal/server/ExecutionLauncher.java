package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
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
    String target = r.required("stateMachineArn");
    String name = r.str("name", 80);
    String input = r.str("input", MAX_PAYLOAD);
    r.str("traceHeader", 256);
    String testCase = null;
    int hash = target.indexOf('#');
    String smArn = target;
    if (hash >= 0) {
      testCase = target.substring(hash + 1);
      smArn = target.substring(0, hash);
    }
    StateMachineRecord.Snapshot snapshot = ctx.machines().get(smArn).current();
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
    String arn = ctx.arns().execution(snapshot.name(), name);
    ExecutionRecord existing = ctx.executions().reserve(arn, e -> !sync && e.input.equals(inputText)
        && e.status(Instant.now()) == ExecutionStatus.RUNNING); // AWS: an identical start of a running execution is idempotent
    if (existing != null) {
      return existing;
    }
    // The execution runs (in virtual time) outside the lock, so other requests are not held up.
    try {
      EngineOptions options = options(testCase);
      StartRequest request = StartRequest.of(snapshot.definition().withName(snapshot.name()), inputJson)
          .withTaskHandler(serverHandler(handler))
          .withExecutionName(name);
      InMemoryS3 s3 = ctx.mocks().s3(testCase);
      if (s3 != null) {
        request = request.withS3(s3);
      }
      Engine engine = Engine.inProcess(options);
      // Every state machine created on this endpoint can be started by the others (nested executions).
      for (StateMachineRecord deployed : ctx.machines().all()) {
        StateMachineRecord.Snapshot current = deployed.current();
        engine.deploy(current.definition().withName(current.name()));
      }
      Execution execution = engine.start(request);
      ExecutionRecord record = new ExecutionRecord(arn, name, snapshot, inputText, options.startTime(),
          ctx.realTime(), snapshot.type().equals("EXPRESS"), testCase, execution);
      ctx.executions().add(record);
      adoptChildren(record);
      return record;
    } finally {
      ctx.executions().release(arn);
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
   * endpoint) become executions of the endpoint too, so Describe/GetExecutionHistory find them.
   */
  void adoptChildren(ExecutionRecord parent) {
    if (parent.engineRunning()) {
      return;
    }
    ArrayDeque<ExecutionResult> pending = new ArrayDeque<>(parent.result().childExecutions());
    while (!pending.isEmpty()) {
      ExecutionResult child = pending.poll();
      pending.addAll(child.childExecutions());
      ctx.machines().named(child.stateMachineName()).ifPresent(machine -> {
        String arn = child.executionArn();
        String childName = arn.substring(arn.lastIndexOf(':') + 1);
        ctx.executions().addIfAbsent(new ExecutionRecord(arn, childName, machine.current(), Json.write(child.input()),
            child.startDate(), ctx.realTime(), false, null, new FinishedExecution(child)));
      });
    }
  }
}
