package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.Query;

/**
 * Distributed Map: a Map Run whose items each run as a child execution with its own history, on
 * this run's virtual clock. The parent's history only gets MapRunStarted / Succeeded / Failed.
 */
final class DistributedMapExecutor implements StateExecutor {

  /** AWS's MaxConcurrency when a Distributed Map gives none (or 0). */
  static final int DEFAULT_CONCURRENCY = 10_000;

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Map map = (State.Map) entry.state;
    State.Common c = map.common();
    entry.failedEvent = HistoryEventType.MAP_STATE_FAILED;
    StateEnv env = ctx.env(entry, entry.rawInput);
    StateEnv fieldEnv;
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
    int concurrency = concurrency(map, fieldEnv);
    ObjectNode started = Json.NODES.objectNode();
    started.put("length", items == null ? 0 : items.size());
    StateEntry redriven = entry.takeRedriveOf();
    DistributedMapRun previous = redriven == null ? null : redriven.mapRun;
    if (previous != null && previous.redrivable()) {
      // AWS redrives the Map Run itself: same ARN, only its unsuccessful child executions run again.
      ctx.emit(entry.frame.history, HistoryEventType.MAP_STATE_STARTED, started, true);
      entry.mapRun = previous;
      ObjectNode redrive = Json.NODES.objectNode();
      redrive.put("mapRunArn", previous.mapRunArn());
      redrive.put("redriveCount", previous.redriven(entry));
      ctx.emit(entry.frame.history, HistoryEventType.MAP_RUN_REDRIVEN, redrive, true);
      entry.frame.cleanups.add(previous::abort);
      previous.relaunch();
      return;
    }
    ctx.emit(entry.frame.history, HistoryEventType.MAP_STATE_STARTED, started, true);
    DistributedMapRun run = new DistributedMapRun(ctx, entry, map, selectorInput, fieldEnv, concurrency);
    run.configure(); // tolerated failures, reader and batcher fields: States.Runtime before the run starts
    ctx.mapRunStarted(run);
    entry.mapRun = run;
    ObjectNode runStarted = Json.NODES.objectNode();
    runStarted.put("mapRunArn", run.mapRunArn());
    ctx.emit(entry.frame.history, HistoryEventType.MAP_RUN_STARTED, runStarted, true);
    entry.frame.cleanups.add(run::abort);
    run.start(items);
  }

  private static int concurrency(State.Map map, StateEnv fieldEnv) {
    Integer value = map.maxConcurrency();
    if (map.maxConcurrencyExpr() != null) {
      value = Values.wholeNumber(map.maxConcurrencyExpr().evaluate(fieldEnv));
    } else if (map.maxConcurrencyPath() != null) {
      value = Values.maxConcurrency(Query.find(map.maxConcurrencyPath(), fieldEnv), map.maxConcurrencyPath());
    }
    return value == null || value <= 0 ? DEFAULT_CONCURRENCY : value;
  }

  /** A field that is a literal, a JSONata string, or given by its *Path twin. */
  static JsonNode field(State.Map map, JsonNode owner, String field, StateEnv fieldEnv) {
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

  static Integer integer(State.Map map, JsonNode owner, String field, StateEnv fieldEnv) {
    JsonNode value = field(map, owner, field, fieldEnv);
    if (value == null) {
      return null;
    }
    Integer parsed = Values.wholeNumber(value);
    if (parsed == null) {
      String source = owner.has(field) ? field : field + "Path";
      throw new StatesException(StatesErrors.RUNTIME, "The " + source + " field refers to value \""
          + Values.textOf(value) + "\" which is not a valid integer"
          + (owner.has(field) ? "." : ": " + owner.get(source).asText()));
    }
    return parsed;
  }

  /** A JSONata Arguments or JSONPath Parameters template of a reader or writer, evaluated; {} without one. */
  static JsonNode parameters(State.Map map, JsonNode owner, StateEnv fieldEnv) {
    if (map.common().jsonata()) {
      JsonNode args = owner.get("Arguments");
      return args == null ? Json.NODES.objectNode() : Query.jsonata(args, "Arguments").evaluate(fieldEnv);
    }
    JsonNode template = owner.get("Parameters");
    return template == null ? Json.NODES.objectNode() : Query.template(template).evaluate(fieldEnv);
  }
}
