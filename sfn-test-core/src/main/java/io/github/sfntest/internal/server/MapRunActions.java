package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.epoch;
import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DescribeMapRun, ListMapRuns, UpdateMapRun: the Map Runs of Distributed Map states, read from the
 * results of the endpoint's executions (a Map Run is listed once the execution that ran it has
 * ended; the engine runs a Map Run to its end before anything else sees it). The child executions
 * of a Map Run are listed by {@code ListExecutions(mapRunArn)} ({@link ExecutionActions}).
 */
final class MapRunActions implements ActionGroup {

  /** One Map Run and the execution whose Distributed Map state ran it. */
  record Found(ExecutionRecord execution, MapRunResult run) {}

  private final ServiceContext ctx;
  /** UpdateMapRun's values by Map Run ARN (the run itself has ended when the endpoint shows it). */
  private final Map<String, ObjectNode> updates = new ConcurrentHashMap<>();

  MapRunActions(ServiceContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("DescribeMapRun", this::describe)
        .aws("ListMapRuns", this::list)
        .aws("UpdateMapRun", this::update);
  }

  /** The Map Run at {@code arn}; InvalidArn for another ARN, ResourceNotFound if no execution ran it. */
  static Found find(ServiceContext ctx, String arn) {
    Arns.check(arn, "mapRun");
    // Newest first: executions started with one seed (deterministic mode, in-JVM clients) repeat
    // their Map Run ARNs, and the latest run is the one a client asks about.
    List<ExecutionRecord> newestFirst = ctx.executions().all();
    java.util.Collections.reverse(newestFirst);
    for (ExecutionRecord e : newestFirst) {
      if (e.engineRunning()) {
        continue;
      }
      for (MapRunResult run : e.result().mapRuns()) {
        if (run.mapRunArn().equals(arn)) {
          return new Found(e, run);
        }
      }
    }
    throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
  }

  /** The Map Run at {@code arn} once the execution that ran it has ended; empty while it runs again (a redrive). */
  static java.util.Optional<Found> ended(ServiceContext ctx, String arn) {
    try {
      return java.util.Optional.of(find(ctx, arn));
    } catch (ApiException notFound) {
      return java.util.Optional.empty();
    }
  }

  private ObjectNode describe(Req r) {
    Found found = find(ctx, r.required("mapRunArn", 2000));
    MapRunResult run = found.run();
    ObjectNode out = obj();
    out.put("mapRunArn", run.mapRunArn());
    out.put("executionArn", found.execution().arn);
    out.put("status", run.status() == ExecutionStatus.RUNNING ? "RUNNING" : run.status().name());
    Instant start = start(found);
    out.set("startDate", epoch(start));
    stop(run).ifPresent(t -> out.set("stopDate", epoch(t)));
    ObjectNode updated = updates.get(run.mapRunArn());
    out.put("maxConcurrency", updated != null && updated.has("maxConcurrency")
        ? updated.get("maxConcurrency").asInt() : run.maxConcurrency());
    if (updated != null && updated.has("toleratedFailurePercentage")) {
      out.set("toleratedFailurePercentage", updated.get("toleratedFailurePercentage"));
    } else {
      out.put("toleratedFailurePercentage", run.toleratedFailurePercentage().orElse(0.0).floatValue());
    }
    out.put("toleratedFailureCount", updated != null && updated.has("toleratedFailureCount")
        ? updated.get("toleratedFailureCount").asLong() : run.toleratedFailureCount().orElse(0L));
    out.set("itemCounts", itemCounts(run));
    out.set("executionCounts", executionCounts(run));
    out.put("redriveCount", run.redriveCount());
    run.redriveDate().ifPresent(t -> out.set("redriveDate", epoch(t)));
    return out;
  }

  /** Items by the status of the child that processed them (a batch counts each item it held). */
  private static ObjectNode itemCounts(MapRunResult run) {
    boolean batched = run.batchCount() > 0;
    int timedOut = Math.min(run.failedItemCount(), items(run.timedOutChildren(), batched));
    int failed = run.failedItemCount() - timedOut;
    int succeeded = items(run.succeededChildren(), batched);
    int aborted = items(run.abortedChildren(), batched);
    int total = run.itemCount();
    int pending = Math.max(0, total - failed - timedOut - succeeded - aborted); // never launched
    ObjectNode counts = counts(pending, 0, succeeded, failed, timedOut, aborted, total,
        run.resultWriterDetails().isPresent() ? total : 0);
    counts.put("failuresNotRedrivable", items(run.notRedrivableChildren(), batched));
    return counts;
  }

  /** The items some children processed: each batch's {@code Items}, else one each. */
  private static int items(List<ExecutionResult> children, boolean batched) {
    int n = 0;
    for (ExecutionResult child : children) {
      JsonNode items = child.input().get("Items");
      n += batched && items != null && items.isArray() ? items.size() : 1;
    }
    return n;
  }

  private static ObjectNode executionCounts(MapRunResult run) {
    int total = run.children().size();
    ObjectNode counts = counts(0,
        (int) run.children().stream().filter(c -> c.status() == ExecutionStatus.RUNNING).count(),
        run.succeededChildren().size(), run.failedChildren().size(), run.timedOutChildren().size(),
        run.abortedChildren().size(), total, run.resultWriterDetails().isPresent() ? total : 0);
    counts.put("failuresNotRedrivable", run.notRedrivableChildren().size());
    return counts;
  }

  private static ObjectNode counts(int pending, int running, int succeeded, int failed, int timedOut, int aborted,
      int total, int resultsWritten) {
    ObjectNode c = obj();
    c.put("pending", pending);
    c.put("running", running);
    c.put("succeeded", succeeded);
    c.put("failed", failed);
    c.put("timedOut", timedOut);
    c.put("aborted", aborted);
    c.put("total", total);
    c.put("resultsWritten", resultsWritten);
    // A Map Run is seen here only once it has ended, when AWS resets pendingRedrive to 0.
    c.put("pendingRedrive", 0);
    return c;
  }

  /** When the run started: its first child's start, else the parent's (a run without items starts none). */
  private static Instant start(Found found) {
    return found.run().children().stream().map(ExecutionResult::startDate).min(Instant::compareTo)
        .orElse(found.execution().startDate);
  }

  private static java.util.Optional<Instant> stop(MapRunResult run) {
    if (run.status() == ExecutionStatus.RUNNING) {
      return java.util.Optional.empty();
    }
    return run.children().stream().map(ExecutionResult::stopDate).filter(java.util.Objects::nonNull)
        .max(Instant::compareTo);
  }

  private ObjectNode list(Req r) {
    String executionArn = r.required("executionArn");
    int max = r.integer("maxResults", 0, 1000, 0);
    String nextToken = r.str("nextToken", 3096);
    ExecutionRecord e = ctx.executions().get(executionArn);
    List<MapRunResult> runs = new ArrayList<>(e.engineRunning() ? List.of() : e.result().mapRuns());
    java.util.Collections.reverse(runs); // newest first, as AWS lists them
    ObjectNode out = obj();
    ArrayNode list = out.putArray("mapRuns");
    Wire.page(runs, nextToken, Wire.pageSize(max), out, run -> {
      ObjectNode item = list.addObject();
      Found found = new Found(e, run);
      item.put("executionArn", e.arn);
      item.put("mapRunArn", run.mapRunArn());
      item.put("stateMachineArn", mapRunMachineArn(e.machine.arn(), run));
      item.set("startDate", epoch(start(found)));
      stop(run).ifPresent(t -> item.set("stopDate", epoch(t)));
    });
    return out;
  }

  /** The ARN AWS gives the state machine of a Map Run's children: the parent's, then {@code /label}. */
  static String mapRunMachineArn(String parentMachineArn, MapRunResult run) {
    return parentMachineArn + "/" + run.label().orElse(run.stateName());
  }

  private ObjectNode update(Req r) {
    String arn = r.required("mapRunArn", 2000);
    int maxConcurrency = r.integer("maxConcurrency", 0, Integer.MAX_VALUE, -1);
    JsonNode count = r.body().get("toleratedFailureCount");
    JsonNode percentage = r.body().get("toleratedFailurePercentage");
    if (count != null && !count.isNull() && (!count.isIntegralNumber() || count.asLong() < 0)) {
      throw ApiException.validation("1 validation error detected: Value '" + count + "' at 'toleratedFailureCount' "
          + "failed to satisfy constraint: Member must have value greater than or equal to 0");
    }
    if (percentage != null && !percentage.isNull()
        && (!percentage.isNumber() || percentage.asDouble() < 0 || percentage.asDouble() > 100)) {
      throw ApiException.validation("1 validation error detected: Value '" + percentage + "' at "
          + "'toleratedFailurePercentage' failed to satisfy constraint: Member must have value between 0 and 100");
    }
    find(ctx, arn);
    ObjectNode values = updates.computeIfAbsent(arn, k -> obj());
    synchronized (values) {
      if (maxConcurrency >= 0) {
        values.put("maxConcurrency", maxConcurrency);
      }
      if (count != null && !count.isNull()) {
        values.put("toleratedFailureCount", count.asLong());
      }
      if (percentage != null && !percentage.isNull()) {
        values.put("toleratedFailurePercentage", percentage.floatValue());
      }
    }
    return obj();
  }
}
