package io.github.sfntest.internal.interpreter.states;

import io.github.sfntest.internal.result.Results;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.asl.StateMachineModel;
import io.github.sfntest.internal.distributed.Batching;
import io.github.sfntest.internal.distributed.ItemReaders;
import io.github.sfntest.internal.distributed.ResultWriting;
import io.github.sfntest.internal.distributed.S3Port;
import io.github.sfntest.internal.distributed.ToleratedFailure;
import io.github.sfntest.internal.interpreter.HistoryContext;
import io.github.sfntest.internal.interpreter.HistoryRecorder;
import io.github.sfntest.internal.interpreter.RunSettings;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.s3.InMemoryS3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bookkeeping of one Map Run: reading, batching, launching children, tolerating failures. */
public final class DistributedMapRun {
  private final StateContext ctx;
  /** The Map state's entry; a redrive hands the run the entry that redrives it. */
  private StateEntry entry;
  private final State.Map map;
  private final JsonNode selectorInput;
  private final StateEnv fieldEnv;
  private final int concurrency;
  private final String runId;
  private final String mapRunArn;
  private final String label;
  private final Map<Integer, ChildRun> running = new LinkedHashMap<>();
  private final MapRunSettings config;
  private List<JsonNode> childInputs = List.of();
  private int[] itemCounts = new int[0];
  private ExecutionResult[] children = new ExecutionResult[0];
  /** The child execution that last ran each item (or batch): a redrive redrives it, under its own ARN. */
  private ChildRun[] runs = new ChildRun[0];
  private RunSettings[] childSettings = new RunSettings[0];
  private int itemCount;
  private int launched;
  /** The children to launch next, by index (all of them at first; the unsuccessful ones on a redrive). */
  private final java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
  private int redriveCount;
  private java.time.Instant redriveDate;
  private int completed;
  private int failedItems;
  private ExecutionStatus runStatus = ExecutionStatus.RUNNING;
  private String runError;
  private String runCause;
  private JsonNode writerDetails;

  DistributedMapRun(StateContext ctx, StateEntry entry, State.Map map, JsonNode selectorInput, StateEnv fieldEnv,
      int concurrency) {
    this.ctx = ctx;
    this.entry = entry;
    this.map = map;
    this.selectorInput = selectorInput;
    this.fieldEnv = fieldEnv;
    this.concurrency = concurrency;
    this.label = map.label();
    this.runId = ctx.newMapRunUuid().toString();
    RunSettings settings = ctx.settings();
    this.mapRunArn = "arn:aws:states:" + settings.region() + ":" + settings.account() + ":mapRun:"
        + settings.stateMachineName() + "/" + (label != null ? label : entry.state.name()) + ":" + runId;
    this.config = new MapRunSettings(map, fieldEnv);
  }

  String mapRunArn() {
    return mapRunArn;
  }

  /** Evaluates the run's fields (tolerated failures, reader and batcher): States.Runtime before it starts. */
  void configure() {
    config.evaluate();
  }

  /** The children still running (their callbacks answer through the parent execution). */
  public Collection<ChildRun> runningChildren() {
    return running.values();
  }

  void start(JsonNode inlineItems) {
    List<JsonNode> items;
    try {
      items = inlineItems != null ? toList(inlineItems) : readItems();
    } catch (StatesException e) {
      fail(e);
      return;
    } catch (HandlerS3.MissingS3Mock e) {
      ctx.missingMock(e.getMessage());
      return;
    }
    if (!ctx.running()) {
      return;
    }
    itemCount = items.size();
    try {
      List<JsonNode> selected = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        selected.add(select(i, items.get(i)));
      }
      if (config.batched) {
        List<Batching.Batch> batches =
            Batching.batch(selected, config.maxItemsPerBatch, config.maxBytesPerBatch, config.batchInput);
        childInputs = new ArrayList<>(batches.size());
        itemCounts = new int[batches.size()];
        for (int b = 0; b < batches.size(); b++) {
          childInputs.add(batches.get(b).input());
          itemCounts[b] = batches.get(b).itemCount();
        }
      } else {
        childInputs = selected;
        itemCounts = new int[selected.size()];
        Arrays.fill(itemCounts, 1);
      }
    } catch (StatesException e) {
      fail(e);
      return;
    } catch (IllegalArgumentException e) {
      fail(StatesErrors.ITEM_READER_FAILED, e.getMessage());
      return;
    }
    children = new ExecutionResult[childInputs.size()];
    runs = new ChildRun[childInputs.size()];
    childSettings = new RunSettings[childInputs.size()];
    for (int i = 0; i < childInputs.size(); i++) {
      pending.add(i);
    }
    if (childInputs.isEmpty()) {
      succeed();
      return;
    }
    launchAvailable();
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new ArrayList<>(array.size());
    array.forEach(list::add);
    return list;
  }

  private JsonNode select(int index, JsonNode item) {
    if (map.itemSelector() == null) {
      return item;
    }
    StateEnv selectorEnv = fieldEnv.with(selectorInput);
    selectorEnv.mapItem(index, item);
    if (map.common().jsonata()) {
      selectorEnv.lazyStates(null, null);
    }
    return map.itemSelector().evaluate(selectorEnv);
  }

  private List<JsonNode> readItems() {
    JsonNode reader = map.itemReader();
    String resource = reader.path("Resource").asText("");
    JsonNode params = DistributedMapExecutor.parameters(map, reader, fieldEnv);
    return ItemReaders.read(resource, params, reader.get("ReaderConfig"), config.maxItems, readerS3(resource));
  }

  /** The fixture when the test gave one, else the task handler answers the reader's S3 call. */
  private S3Port readerS3(String resource) {
    InMemoryS3 fixture = ctx.s3Fixture();
    if (fixture != null) {
      return S3Port.of(fixture, ctx::now);
    }
    return new HandlerS3(ctx, entry, resource);
  }

  private void launchAvailable() {
    while (runStatus == ExecutionStatus.RUNNING && !pending.isEmpty() && running.size() < concurrency) {
      launched++;
      int index = pending.poll();
      if (redriveCount > 0 && runs[index] != null && !express()) {
        // AWS redrives a STANDARD child with RedriveExecution: same ARN, on from its unsuccessful state.
        running.put(index, runs[index]);
        runs[index].redrive();
      } else {
        launch(index);
      }
    }
  }

  /** A redrive can continue this run: it failed or was aborted after its children were known. */
  boolean redrivable() {
    return (runStatus == ExecutionStatus.FAILED || runStatus == ExecutionStatus.ABORTED) && !childInputs.isEmpty()
        && children.length == childInputs.size();
  }

  /** The parent's redrive reaches this run through {@code redrivingEntry}; answers the run's redrive count. */
  int redriven(StateEntry redrivingEntry) {
    entry = redrivingEntry;
    redriveDate = ctx.now();
    return ++redriveCount;
  }

  /** How often a redrive of the parent redrove this run. */
  public int redriveCount() {
    return redriveCount;
  }

  /**
   * Runs again the children that did not succeed (failed, timed out, aborted or never started); the
   * ones that succeeded keep their results. Tolerated failures count among the rerun children. A
   * STANDARD child that cannot be redriven (its history or redrivable period spent) keeps its
   * failure, which counts towards the tolerated failures, as AWS documents.
   */
  void relaunch() {
    runStatus = ExecutionStatus.RUNNING;
    runError = null;
    runCause = null;
    failedItems = 0;
    completed = 0;
    pending.clear();
    for (int i = 0; i < children.length; i++) {
      if (children[i] != null && children[i].status() == ExecutionStatus.SUCCEEDED) {
        completed++;
      } else if (ownNotRedrivableReason(i) != null) {
        completed++;
        failedItems += itemCounts[i];
      } else {
        pending.add(i);
      }
    }
    if (failedItems > 0 && config.tolerated.exceeded(failedItems, itemCount)) {
      fail(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD, ToleratedFailure.CAUSE);
    } else if (completed == children.length) {
      succeed();
    } else {
      launchAvailable();
    }
  }

  private boolean express() {
    return "EXPRESS".equals(map.executionType());
  }

  /**
   * Why a redrive of the parent would not run the child of {@code index} again by the child's own
   * rules; null when it would (or it never started). AWS starts unsuccessful EXPRESS children anew,
   * so they always can be.
   */
  private String ownNotRedrivableReason(int index) {
    if (runs[index] == null || express()) {
      return null;
    }
    return runs[index].notRedrivableReason(ctx.now());
  }

  private void launch(int index) {
    if (childSettings[index] != null) {
      // An EXPRESS child of a redriven run starts again as a new execution under its first ARN.
      startChild(index, childSettings[index].startingAt(ctx.now()));
      return;
    }
    RunSettings settings = ctx.settings();
    String name = ctx.newMapRunUuid().toString();
    String prefixArn = "arn:aws:states:" + settings.region() + ":" + settings.account() + ":execution:";
    RunSettings fresh = new RunSettings(
        settings.stateMachineName(),
        settings.stateMachineArn(),
        name,
        prefixArn + settings.stateMachineName() + "/" + (label != null ? label : entry.state.name()) + ":" + name,
        settings.roleArn(),
        settings.region(),
        settings.account(),
        ctx.now(),
        settings.seed() ^ ((launched + 1L) * 0x9E3779B97F4A7C15L) ^ runId.hashCode(),
        settings.maxHistoryEvents(),
        settings.maxPayloadBytes());
    childSettings[index] = fresh;
    startChild(index, fresh);
  }

  private void startChild(int index, RunSettings runSettings) {
    StateMachineModel childModel =
        new StateMachineModel(null, map.processor(), null, null, map.common().queryLanguage(), null);
    ChildRun child = ctx.startMapRunChild(runSettings, childModel, childInputs.get(index),
        ended -> childEnded(index, ended));
    runs[index] = child;
    running.put(index, child);
    child.start();
  }

  private void childEnded(int index, ChildRun child) {
    children[index] = child.result();
    running.remove(index);
    if (runStatus != ExecutionStatus.RUNNING || !ctx.running()) {
      return;
    }
    if (child.missingMock() != null) {
      // The test, not the machine, is wrong: stop the whole execution as a task without a mock does.
      ctx.missingMock(child.missingMock());
      return;
    }
    if (child.status() == ExecutionStatus.FAILED || child.status() == ExecutionStatus.TIMED_OUT) {
      failedItems += itemCounts[index];
      if (config.tolerated.exceeded(failedItems, itemCount)) {
        fail(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD, ToleratedFailure.CAUSE);
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
      fail(e);
      return;
    }
    runStatus = ExecutionStatus.SUCCEEDED;
    HistoryContext h = entry.frame.history;
    // Since late 2024 AWS links MapRunSucceeded and MapStateExited to MapRunStarted, and
    // MapStateSucceeded to MapRunSucceeded (earlier recordings chained all three); we follow
    // current AWS.
    long runSucceeded = ctx.emit(h, HistoryEventType.MAP_RUN_SUCCEEDED, null, false);
    h.last = ctx.record(h, runSucceeded, HistoryEventType.MAP_STATE_SUCCEEDED, null);
    try {
      ctx.io().finish(entry, output);
    } catch (StatesException e) {
      ctx.fail(entry, e);
    }
  }

  private JsonNode mapOutput() {
    JsonNode writer = map.resultWriter();
    List<ExecutionResult> all = Arrays.asList(children);
    String stateMachineArn = ctx.settings().stateMachineArn();
    if (writer == null) {
      ArrayNode out = Json.NODES.arrayNode();
      for (ExecutionResult child : all) {
        out.add(child.status() == ExecutionStatus.SUCCEEDED
            ? child.output().orElse(Json.NODES.nullNode())
            : ResultWriting.record(child, stateMachineArn));
      }
      return out;
    }
    JsonNode params = writer.hasNonNull("Resource") ? DistributedMapExecutor.parameters(map, writer, fieldEnv) : null;
    InMemoryS3 target = ctx.s3Fixture() != null ? ctx.s3Fixture() : ctx.implicitS3();
    JsonNode result = ResultWriting.result(writer, params, mapRunArn, stateMachineArn, all, S3Port.of(target, ctx::now));
    if (result.has("ResultWriterDetails")) {
      writerDetails = result.get("ResultWriterDetails");
    }
    return result;
  }

  private void fail(StatesException e) {
    fail(e.error(), e.stateScoped() ? ctx.errorPrefix(entry) + e.cause() : e.cause());
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
    ObjectNode details = HistoryRecorder.errorDetails(err, errCause);
    ctx.emit(entry.frame.history, HistoryEventType.MAP_RUN_FAILED, details, true);
    ctx.handleError(entry, err, errCause);
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
    for (ChildRun child : new ArrayList<>(running.values())) {
      child.stop(null, null);
    }
  }

  public MapRunResult toResult() {
    List<ExecutionResult> started = new ArrayList<>();
    Map<String, String> notRedrivable = new LinkedHashMap<>();
    for (int i = 0; i < children.length; i++) {
      ChildRun live = running.get(i);
      ExecutionResult child = live != null ? live.result() : children[i];
      if (child == null) {
        continue;
      }
      started.add(child);
      String reason = notRedrivableReason(i, child.status());
      if (reason != null) {
        notRedrivable.put(child.executionArn(), reason);
      }
    }
    ToleratedFailure tolerated = config.tolerated;
    return Results.mapRun(
        mapRunArn,
        entry.state.name(),
        label,
        map.executionType() == null ? "STANDARD" : map.executionType(),
        runStatus,
        runError,
        runCause,
        itemCount,
        config.batched ? childInputs.size() : 0,
        concurrency,
        tolerated == null ? null : tolerated.count(),
        tolerated == null ? null : tolerated.percentage(),
        failedItems,
        started,
        writerDetails,
        redriveCount,
        redriveDate,
        notRedrivable);
  }

  /**
   * DescribeExecution's {@code redriveStatusReason} of a child: null when a redrive of the parent
   * would redrive it ({@code REDRIVABLE_BY_MAP_RUN}); else its own reason, or the Map Run's when
   * the run itself will not be redriven (it succeeded or still runs).
   */
  private String notRedrivableReason(int index, ExecutionStatus status) {
    if (status == ExecutionStatus.SUCCEEDED || status == ExecutionStatus.RUNNING) {
      return "Execution is " + status + " and cannot be redriven.";
    }
    String own = ownNotRedrivableReason(index);
    if (own != null) {
      return own;
    }
    if (runStatus == ExecutionStatus.SUCCEEDED || runStatus == ExecutionStatus.RUNNING) {
      return "Map Run is " + runStatus + " and cannot be redriven.";
    }
    return null;
  }
}
