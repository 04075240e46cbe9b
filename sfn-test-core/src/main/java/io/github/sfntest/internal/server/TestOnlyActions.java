package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockConfigFile;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * This endpoint's own actions under {@code SfnTest.}, which the SDK engine uses for what AWS's API
 * lacks: capabilities, waiting tasks, virtual time, pushed mocks.
 */
record TestOnlyActions(ServiceContext ctx) implements ActionGroup {

  @Override
  public void registerIn(Dispatcher d) {
    d.extension("DescribeEndpoint", this::describeEndpoint)
        .extension("ListWaitingTasks", this::listWaitingTasks)
        .extension("AdvanceTime", this::advanceTime)
        .extension("PutMockConfig", this::putMockConfig)
        .extension("AwaitCompletion", this::awaitCompletion);
  }

  /** What the endpoint can do for a remote test (in-JVM handlers are added by the SDK engine). */
  static Set<EngineCapability> capabilities(ServiceConfig config) {
    Set<EngineCapability> caps = new TreeSet<>(Set.of(EngineCapability.JSONATA, EngineCapability.VARIABLES,
        EngineCapability.CALLBACKS, EngineCapability.DISTRIBUTED_MAP, EngineCapability.MAP_RUN_RESULTS));
    if (!config.realTime()) {
      caps.add(EngineCapability.VIRTUAL_TIME);
    }
    return caps;
  }

  private ObjectNode describeEndpoint(Req r) {
    ObjectNode out = obj();
    out.put("engine", "sfn-test");
    out.put("waitMode", ctx.realTime() ? "REAL" : "SKIP");
    out.put("account", ctx.config().options().account());
    out.put("region", ctx.config().options().region());
    ArrayNode caps = out.putArray("capabilities");
    for (EngineCapability c : capabilities(ctx.config())) {
      caps.add(c.name());
    }
    return out;
  }

  private ObjectNode listWaitingTasks(Req r) {
    ExecutionRecord e = ctx.executions().get(r.required("executionArn"));
    Instant now = Instant.now();
    e.catchUp(now);
    ObjectNode out = obj();
    ArrayNode list = out.putArray("tasks");
    if (e.status(now) == ExecutionStatus.RUNNING) {
      for (WaitingTask t : e.waitingTasks()) {
        ObjectNode item = list.addObject();
        item.put("stateName", t.stateName());
        item.put("resource", t.resource());
        item.put("taskToken", t.taskToken());
        item.put("parameters", Json.write(t.parameters()));
        item.put("activity", t.activity());
      }
    }
    return out;
  }

  private ObjectNode advanceTime(Req r) {
    ExecutionRecord e = ctx.executions().get(r.required("executionArn"));
    int millis = r.integer("milliseconds", 0, Integer.MAX_VALUE, -1);
    if (millis < 0) {
      throw ApiException.missing("milliseconds");
    }
    requireVirtualTime("AdvanceTime");
    synchronized (e) {
      if (e.engineRunning()) {
        e.rememberTokens();
        e.execution().advanceTime(Duration.ofMillis(millis));
      }
    }
    return obj();
  }

  /** Runs the execution to its end in virtual time, as {@code Execution.awaitCompletion()} does in-process. */
  private ObjectNode awaitCompletion(Req r) {
    ExecutionRecord e = ctx.executions().get(r.required("executionArn"));
    requireVirtualTime("AwaitCompletion");
    try {
      e.result();
    } catch (IllegalStateException ex) {
      throw ApiException.validation(ex.getMessage());
    }
    ObjectNode out = obj();
    out.put("status", e.status(Instant.now()).name());
    return out;
  }

  private void requireVirtualTime(String action) {
    if (ctx.realTime()) {
      throw ApiException.validation(action + " needs virtual time: this endpoint runs with real-time waits");
    }
  }

  private ObjectNode putMockConfig(Req r) {
    String text = r.required("mockConfig");
    try {
      ctx.mocks().push(MockConfigFile.parse(text));
    } catch (RuntimeException e) {
      throw ApiException.validation("Invalid MockConfigFile: " + e.getMessage());
    }
    return obj();
  }
}
