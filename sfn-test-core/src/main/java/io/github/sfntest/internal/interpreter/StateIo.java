package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.states.StateContext;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.jsonpath.PathFields;
import io.github.sfntest.internal.query.EvalEnv;
import io.github.sfntest.internal.query.ValueExpr;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state's input and output processing: InputPath, Parameters, ResultSelector, ResultPath,
 * OutputPath and Assign (JSONPath), or Arguments, Output and Assign (JSONata). An optional
 * {@link Observer} sees the data after each step (single-state tests).
 */
public final class StateIo {

  /** Sees the data after each processing step; null steps are skipped. */
  public interface Observer {
    void step(StateEntry entry, Step step, JsonNode value);
  }

  /** The processing steps, in AWS's order. */
  public enum Step {
    INPUT_PATH, PARAMETERS, RESULT, RESULT_SELECTOR, RESULT_PATH, OUTPUT_PATH, ARGUMENTS, OUTPUT
  }

  /** AWS keeps at most 10 MiB of variables per execution. */
  static final long MAX_VARIABLE_BYTES = 10L * 1024 * 1024;

  private final StateContext ctx;
  private final int maxPayloadBytes;
  private Observer observer;

  StateIo(StateContext ctx, int maxPayloadBytes) {
    this.ctx = ctx;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Watches every step of every state of this run (null to stop). */
  public void observe(Observer value) {
    observer = value;
  }

  private JsonNode seen(StateEntry entry, Step step, JsonNode value) {
    if (observer != null) {
      observer.step(entry, step, value);
    }
    return value;
  }

  /** InputPath then Parameters (JSONPath), or Arguments (JSONata). */
  public JsonNode effectiveInput(StateEntry entry) {
    State.Common c = entry.state.common();
    StateEnv env = ctx.env(entry, entry.rawInput);
    if (c.jsonata()) {
      env.lazyStates(null, null);
      return seen(entry, Step.ARGUMENTS, c.arguments() != null ? c.arguments().evaluate(env) : entry.rawInput);
    }
    JsonNode afterInputPath = seen(entry, Step.INPUT_PATH, c.inputPath().apply(env));
    return c.parameters() != null
        ? seen(entry, Step.PARAMETERS, c.parameters().evaluate(over(env, afterInputPath)))
        : afterInputPath;
  }

  /** ResultSelector, Assign, ResultPath, OutputPath (JSONPath) or Assign/Output (JSONata); then exits. */
  public void finish(StateEntry entry, JsonNode result) {
    State.Common c = entry.state.common();
    seen(entry, Step.RESULT, result);
    JsonNode out;
    Map<String, JsonNode> assigned;
    if (c.jsonata()) {
      StateEnv env = ctx.env(entry, entry.rawInput);
      env.lazyStates(result, null);
      assigned = evaluateAssign(c.assign(), env);
      if (c.output() != null) {
        out = c.output().evaluate(env);
      } else {
        out = result != null ? result : entry.rawInput;
      }
      seen(entry, Step.OUTPUT, out);
    } else {
      boolean whole = PathFields.isWhole(c.outputPath());
      // No environment at all for the common state without ResultSelector, Assign or OutputPath.
      StateEnv env = c.resultSelector() != null || c.assign() != null || !whole ? ctx.env(entry, entry.rawInput) : null;
      JsonNode selected = c.resultSelector() != null
          ? seen(entry, Step.RESULT_SELECTOR, c.resultSelector().evaluate(env.with(result)))
          : result;
      assigned = c.assign() != null ? evaluateAssign(c.assign(), over(env, selected)) : null;
      JsonNode combined = seen(entry, Step.RESULT_PATH, c.resultPath().apply(entry.rawInput, selected));
      out = seen(entry, Step.OUTPUT_PATH, whole ? combined : c.outputPath().apply(over(env, combined)));
    }
    applyAssign(entry.frame, assigned);
    ctx.exit(entry, out, assigned);
  }

  /**
   * {@code env} over {@code input}: itself when {@code input} is already its {@code $} (an
   * InputPath or ResultPath of {@code $}), so a state does not build an environment per step.
   */
  public static StateEnv over(StateEnv env, JsonNode input) {
    return input == env.input() ? env : env.with(input);
  }

  /** The variables an Assign field sets, in its order; null without one. */
  public Map<String, JsonNode> evaluateAssign(ValueExpr assign, EvalEnv env) {
    if (assign == null) {
      return null;
    }
    JsonNode values = assign.evaluate(env);
    Map<String, JsonNode> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = values.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      result.put(e.getKey(), e.getValue());
    }
    if (maxPayloadBytes > 0 && exceedsPayloadLimit(values)) {
      throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED,
          "The variables assigned by this state exceed the maximum size of " + maxPayloadBytes
              + " bytes for one Assign.");
    }
    return result;
  }

  public void applyAssign(Frame frame, Map<String, JsonNode> assigned) {
    if (assigned == null) {
      return;
    }
    assigned.forEach(frame.variables::set);
    if (maxPayloadBytes > 0 && frame.variables.sizeUpperBound() > MAX_VARIABLE_BYTES
        && frame.variables.exactSize() > MAX_VARIABLE_BYTES) {
      throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED,
          "The variables of this execution exceed the maximum total size of " + MAX_VARIABLE_BYTES + " bytes (10 MiB).");
    }
  }

  /**
   * Why a state's output is refused: larger than AWS's payload limit (States.DataLimitExceeded), or
   * nested deeper than any JSON here can be written (States.Runtime: AWS documents no nesting limit);
   * null when it is fine.
   */
  StatesException outputRefusal(StateEntry entry, JsonNode out) {
    try {
      return exceedsPayloadLimit(out)
          ? new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + entry.state.name()
              + "' returned a result with a size exceeding the maximum number of bytes service limit.")
          : null;
    } catch (io.github.sfntest.internal.json.JsonLimitException e) {
      return new StatesException(StatesErrors.RUNTIME, "The state '" + entry.state.name() + "' built an output nested "
          + "deeper than " + Json.MAX_DEPTH + " levels of arrays and objects, through its "
          + (entry.state.common().jsonata() ? "Output (or its result)" : "ResultPath, ResultSelector or OutputPath (or its result)")
          + ", which sfn-test cannot write as JSON. Use a shorter ResultPath or a shallower result.");
    }
  }

  /** AWS's 256 KiB limit, in UTF-8 bytes; serialises only payloads that might be that large. */
  public boolean exceedsPayloadLimit(JsonNode payload) {
    int limit = maxPayloadBytes;
    return limit > 0 && Json.utf8SizeUpperBound(payload) > limit && Json.utf8Size(Json.write(payload)) > limit;
  }
}
