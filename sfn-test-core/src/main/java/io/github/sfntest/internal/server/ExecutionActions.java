package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.epoch;
import static io.github.sfntest.internal.server.Wire.included;
import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** StartExecution, StartSyncExecution, DescribeExecution, ListExecutions, StopExecution, GetExecutionHistory. */
record ExecutionActions(ServiceContext ctx, ExecutionLauncher launcher) implements ActionGroup {

  private static final List<String> STATUSES =
      List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("StartExecution", this::start)
        .aws("StartSyncExecution", this::startSync)
        .aws("DescribeExecution", this::describe)
        .aws("ListExecutions", this::list)
        .aws("StopExecution", this::stop)
        .aws("RedriveExecution", this::redrive)
        .aws("GetExecutionHistory", this::history);
  }

  private ObjectNode start(Req r) {
    ExecutionRecord e = launcher.start(r, false);
    ObjectNode out = obj();
    out.put("executionArn", e.arn);
    out.set("startDate", epoch(e.startDate));
    return out;
  }

  private ObjectNode startSync(Req r) {
    ExecutionRecord e = launcher.start(r, true);
    long deadline = System.nanoTime() + ctx.config().syncExecutionTimeout().toNanos();
    while (e.engineRunning() && System.nanoTime() < deadline) {
      Wire.pause(5);
      e.catchUp(Instant.now());
    }
    ObjectNode out = obj();
    putStart(out, e);
    // AWS answers the X-Ray trace header the request passed to the execution (none when none was passed).
    String traceHeader = r.str("traceHeader", 256);
    if (traceHeader != null) {
      out.put("traceHeader", traceHeader);
    }
    if (e.engineRunning()) {
      e.execution().stop("States.Timeout", "The execution did not finish within " + ctx.config().syncExecutionTimeout());
      out.put("status", "TIMED_OUT");
      out.set("stopDate", epoch(Instant.now()));
      return out;
    }
    ExecutionResult result = e.result();
    out.set("stopDate", epoch(result.stopDate()));
    out.put("status", result.status() == ExecutionStatus.ABORTED ? "FAILED" : result.status().name());
    putOutcome(out, result);
    result.billingDetails().ifPresent(b -> {
      ObjectNode billing = out.putObject("billingDetails");
      billing.put("billedMemoryUsedInMB", b.billedMemoryUsedInMB());
      billing.put("billedDurationInMilliseconds", b.billedDurationInMilliseconds());
    });
    return out;
  }

  /** AWS keeps no execution record of an EXPRESS execution: these actions do not support them. */
  static ApiException expressNotSupported() {
    return new ApiException("StateMachineTypeNotSupported",
        "This operation is not supported by this type of state machine: EXPRESS executions are reported through "
            + "StartSyncExecution and CloudWatch Logs");
  }

  /** The execution at {@code arn}, refusing an EXPRESS one as AWS does. */
  private ExecutionRecord standard(String arn) {
    ExecutionRecord e = ctx.executions().get(arn);
    if (e.express) {
      throw expressNotSupported();
    }
    return e;
  }

  private ObjectNode describe(Req r) {
    ExecutionRecord e = standard(r.required("executionArn"));
    r.str("includedData");
    Instant now = Instant.now();
    e.catchUp(now);
    ExecutionStatus status = e.status(now);
    ObjectNode out = obj();
    out.put("executionArn", e.arn);
    out.put("stateMachineArn", e.machine.arn());
    out.put("name", e.name);
    out.put("status", status.name());
    out.set("startDate", epoch(e.startDate));
    out.put("input", e.input);
    out.set("inputDetails", included());
    if (status != ExecutionStatus.RUNNING) {
      ExecutionResult result = e.result();
      out.set("stopDate", epoch(result.stopDate()));
      putOutcome(out, result);
    }
    putQualifiers(out, e);
    putRedrive(out, e);
    String reason = e.notRedrivableReason();
    out.put("redriveStatus", reason == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
    if (reason != null) {
      out.put("redriveStatusReason", reason);
    }
    return out;
  }

  /** redriveCount, and redriveDate once redriven (DescribeExecution, ListExecutions). */
  private static void putRedrive(ObjectNode out, ExecutionRecord e) {
    out.put("redriveCount", e.redriveCount());
    Instant date = e.redriveDate();
    if (date != null) {
      out.set("redriveDate", epoch(date));
    }
  }

  private ObjectNode redrive(Req r) {
    String arn = r.required("executionArn");
    String clientToken = r.str("clientToken", 64);
    ExecutionRecord e = standard(arn);
    Instant now = Instant.now();
    e.catchUp(now);
    Instant date;
    try {
      date = e.redrive(clientToken);
    } catch (io.github.sfntest.engine.ExecutionNotRedrivableException refused) {
      throw new ApiException("ExecutionNotRedrivable", "Execution '" + arn + "' cannot be redriven: "
          + refused.reason());
    }
    ObjectNode out = obj();
    out.set("redriveDate", epoch(date));
    return out;
  }

  /** The members StartSyncExecution answers before its outcome: ARNs, name, start and input. */
  private static void putStart(ObjectNode out, ExecutionRecord e) {
    out.put("executionArn", e.arn);
    out.put("stateMachineArn", e.machine.arn());
    out.put("name", e.name);
    out.set("startDate", epoch(e.startDate));
    out.put("input", e.input);
    out.set("inputDetails", included());
  }

  private static void putOutcome(ObjectNode out, ExecutionResult result) {
    result.output().ifPresent(o -> {
      out.put("output", Json.write(o));
      out.set("outputDetails", included());
    });
    result.error().ifPresent(v -> out.put("error", v));
    result.cause().ifPresent(v -> out.put("cause", v));
  }

  private ObjectNode list(Req r) {
    String smArn = r.str("stateMachineArn");
    String mapRunArn = r.str("mapRunArn");
    if (smArn == null && mapRunArn == null) {
      throw ApiException.validation("Must provide a StateMachine ARN or MapRun ARN");
    }
    String filter = r.oneOf("statusFilter", STATUSES, null);
    int max = r.integer("maxResults", 0, 1000, 0);
    String redriveFilter = r.oneOf("redriveFilter", List.of("REDRIVEN", "NOT_REDRIVEN"), null);
    r.str("nextToken");
    if (smArn != null && mapRunArn != null) {
      throw ApiException.validation("Must provide either a StateMachine ARN or a MapRun ARN, not both");
    }
    List<ExecutionRecord> candidates;
    if (mapRunArn != null) {
      candidates = mapRunChildren(mapRunArn);
    } else {
      candidates = ofStateMachine(smArn);
    }
    Instant now = Instant.now();
    List<ExecutionRecord> filtered = new ArrayList<>();
    for (ExecutionRecord e : candidates) {
      e.catchUp(now);
      boolean redriven = redriveFilter != null && e.redriveCount() > 0;
      if ((filter == null || e.status(now).name().equals(filter))
          && (redriveFilter == null || redriven == redriveFilter.equals("REDRIVEN"))) {
        filtered.add(e);
      }
    }
    ObjectNode out = obj();
    ArrayNode list = out.putArray("executions");
    // Paged by start order, newest first: executions started between two pages do not shift them.
    Wire.pageByKey(filtered, r.str("nextToken"), Wire.pageSize(max), out, ctx.executions()::sequence, e -> {
      ObjectNode item = list.addObject();
      ExecutionStatus status = e.status(now);
      item.put("executionArn", e.arn);
      item.put("stateMachineArn", e.machine.arn());
      item.put("name", e.name);
      item.put("status", status.name());
      item.set("startDate", epoch(e.startDate));
      if (status != ExecutionStatus.RUNNING) {
        item.set("stopDate", epoch(e.result().stopDate()));
      }
      putQualifiers(item, e);
      putRedrive(item, e);
    });
    return out;
  }

  /** The executions of a state machine, or of one of its versions or aliases (AWS lists those too). */
  private List<ExecutionRecord> ofStateMachine(String arn) {
    String[] qualified = StateMachineStore.split(arn);
    if (qualified == null) {
      if (ctx.machines().get(arn).current().type().equals("EXPRESS")) {
        throw expressNotSupported();
      }
      return ctx.executions().ofStateMachine(arn);
    }
    ctx.machines().get(qualified[0]);
    List<ExecutionRecord> matching = new ArrayList<>();
    boolean version = StateMachineStore.isVersionNumber(qualified[1]);
    for (ExecutionRecord e : ctx.executions().ofStateMachine(qualified[0])) {
      if (arn.equals(version ? e.versionArn : e.aliasArn)) {
        matching.add(e);
      }
    }
    return matching;
  }

  /** The Map Run, version and alias an execution belongs to, when it does. */
  private static void putQualifiers(ObjectNode out, ExecutionRecord e) {
    if (e.mapRunArn != null) {
      out.put("mapRunArn", e.mapRunArn);
    }
    if (e.versionArn != null) {
      out.put("stateMachineVersionArn", e.versionArn);
    }
    if (e.aliasArn != null) {
      out.put("stateMachineAliasArn", e.aliasArn);
    }
  }

  /** The child executions of a Map Run, newest first (as AWS lists them; children start in item order). */
  private List<ExecutionRecord> mapRunChildren(String mapRunArn) {
    MapRunActions.Found found = MapRunActions.find(ctx, mapRunArn);
    List<ExecutionRecord> children = new ArrayList<>();
    for (ExecutionResult child : found.run().children()) {
      children.add(ctx.executions().get(child.executionArn()));
    }
    Collections.reverse(children);
    return children;
  }

  private ObjectNode stop(Req r) {
    String arn = r.required("executionArn");
    String error = r.str("error", 256);
    String cause = r.str("cause", 32768);
    ExecutionRecord e = ctx.executions().get(arn);
    Instant now = Instant.now();
    e.catchUp(now);
    if (e.status(now) != ExecutionStatus.RUNNING) {
      throw new ApiException("ValidationException",
          "Execution Does Not Exist: '" + e.arn + "' is not RUNNING (it is " + e.status(now) + ")");
    }
    synchronized (e) {
      e.rememberTokens();
      e.execution().stop(error, cause);
    }
    ObjectNode out = obj();
    out.set("stopDate", epoch(e.engineRunning() ? now : e.result().stopDate()));
    return out;
  }

  private ObjectNode history(Req r) {
    String arn = r.required("executionArn");
    int max = r.integer("maxResults", 0, 1000, 0);
    boolean reverse = r.bool("reverseOrder", false);
    boolean data = r.bool("includeExecutionData", true);
    String nextToken = r.str("nextToken", 3096);
    ExecutionRecord e = standard(arn);
    Instant now = Instant.now();
    e.catchUp(now);
    List<HistoryEvent> events = new ArrayList<>(e.events(now));
    if (reverse) {
      Collections.reverse(events);
    }
    ObjectNode out = obj();
    ArrayNode list = out.putArray("events");
    Wire.page(events, nextToken, Wire.pageSize(max), out, ev -> list.add(Wire.eventJson(ev, data)));
    return out;
  }
}
