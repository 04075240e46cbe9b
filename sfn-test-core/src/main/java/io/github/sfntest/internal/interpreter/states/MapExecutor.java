package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.Frame;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.Query;

/** Inline Map: one iteration per item, at most MaxConcurrency at a time; Distributed Maps go on. */
final class MapExecutor implements StateExecutor {

  private final StateExecutor distributed;

  MapExecutor(StateExecutor distributed) {
    this.distributed = distributed;
  }

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Map map = (State.Map) entry.state;
    if (map.distributed()) {
      distributed.execute(entry, ctx);
      return;
    }
    State.Common c = map.common();
    Frame frame = entry.frame;
    entry.failedEvent = HistoryEventType.MAP_STATE_FAILED;
    StateEnv env = ctx.env(entry, entry.rawInput);
    JsonNode selectorInput;
    JsonNode items;
    if (c.jsonata()) {
      env.lazyStates(null, null);
      selectorInput = entry.rawInput;
      items = map.itemsExpr() != null ? map.itemsExpr().evaluate(env) : entry.rawInput;
    } else {
      selectorInput = c.inputPath().apply(env);
      items = map.itemsPath() != null ? map.itemsPath().apply(env.with(selectorInput)) : selectorInput;
    }
    if (!items.isArray()) {
      throw new StatesException(StatesErrors.RUNTIME, "Map state input must be an array but was: " + Json.write(items));
    }
    int maxConcurrency = map.maxConcurrency() == null ? 0 : map.maxConcurrency();
    if (map.maxConcurrencyPath() != null) {
      maxConcurrency = Values.maxConcurrency(Query.find(map.maxConcurrencyPath(), env.with(selectorInput)),
          map.maxConcurrencyPath());
    }
    int n = items.size();
    ObjectNode started = Json.NODES.objectNode();
    started.put("length", n);
    ctx.emit(frame.history, HistoryEventType.MAP_STATE_STARTED, started, true);
    if (n == 0) {
      frame.history.source = frame.history.last;
      ctx.emit(frame.history, HistoryEventType.MAP_STATE_SUCCEEDED, null, false);
      ctx.io().finish(entry, Json.NODES.arrayNode());
      return;
    }
    Iterations iterations = new Iterations(ctx, entry, map, items, selectorInput, env,
        maxConcurrency <= 0 ? n : maxConcurrency);
    iterations.launchAvailable();
    iterations.finishIfAllCarried();
  }

  /** The iterations of one inline Map state: launched as concurrency allows, joined in order. */
  private static final class Iterations extends BranchJoin {
    private static final String[] ITERATION_KEYS = {"index", "name"};

    private final State.Map map;
    private final JsonNode items;
    private final JsonNode selectorInput;
    private final StateEnv env;
    private final int concurrency;
    private int launched;

    Iterations(StateContext ctx, StateEntry entry, State.Map map, JsonNode items, JsonNode selectorInput,
        StateEnv env, int concurrency) {
      super(ctx, entry, items.size(), HistoryEventType.MAP_STATE_SUCCEEDED);
      this.map = map;
      this.items = items;
      this.selectorInput = selectorInput;
      this.env = env;
      this.concurrency = concurrency;
    }

    void launchAvailable() {
      while (!failed && launched < items.size() && running.size() < concurrency) {
        int index = launched++;
        if (!carried(index)) { // a redrive keeps the iterations that succeeded
          launch(index);
        }
      }
    }

    private void launch(int index) {
      JsonNode item = items.get(index);
      JsonNode iterationInput;
      try {
        iterationInput = map.itemSelector() != null ? select(index, item) : item;
      } catch (StatesException e) {
        failed = true;
        ctx.fail(entry, e);
        return;
      }
      start(index, map.processor(), iterationInput);
    }

    private JsonNode select(int index, JsonNode item) {
      StateEnv selectorEnv = env.with(selectorInput);
      selectorEnv.mapItem(index, item);
      if (map.common().jsonata()) {
        // $states.context carries Map.Item while the ItemSelector is evaluated.
        ObjectNode states = Json.NODES.objectNode();
        states.set("input", entry.rawInput);
        states.set("context", selectorEnv.contextObject());
        selectorEnv.states(states);
      }
      return map.itemSelector().evaluate(selectorEnv);
    }

    @Override
    void started(Frame child, int index) {
      child.iterationIndex = index;
      // Rendered when read, like the states' events: an iteration records two of these.
      ctx.emitLazy(child.history, HistoryEventType.MAP_ITERATION_STARTED, () -> iterationDetails(index), true);
    }

    @Override
    void ended(Frame child, int index, boolean succeeded) {
      ctx.emitLazy(child.history,
          succeeded ? HistoryEventType.MAP_ITERATION_SUCCEEDED : HistoryEventType.MAP_ITERATION_FAILED,
          () -> iterationDetails(index), false);
    }

    @Override
    void next() {
      launchAvailable();
    }

    @Override
    void abort(Frame other, long link) {
      ctx.abortFrame(other);
      ctx.record(other.history, link, HistoryEventType.MAP_ITERATION_ABORTED, iterationDetails(other.iterationIndex));
      ctx.stateAborted(other, link);
    }

    private ObjectNode iterationDetails(int index) {
      ObjectNode details = Json.object(ITERATION_KEYS);
      details.put("index", index);
      details.put("name", entry.state.name());
      return details;
    }
  }
}
