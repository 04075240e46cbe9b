package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.query.EvalEnv;
import io.github.sfntest.internal.query.Query;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** The evaluation environment of one field of one state entry: $, $$, variables, $states. */
public final class StateEnv implements EvalEnv {
  private final ContextObjects objects;
  private final StateEntry entry;
  private final JsonNode in;
  private ObjectNode states;
  private boolean statesLazy;
  private JsonNode statesResult;
  private JsonNode statesError;
  private int mapIndex = -1;
  private JsonNode mapValue;
  private JsonNode context;

  StateEnv(ContextObjects objects, StateEntry entry, JsonNode in) {
    this.objects = objects;
    this.entry = entry;
    this.in = in;
  }

  /** The same environment over another {@code $}. */
  public StateEnv with(JsonNode newInput) {
    StateEnv env = new StateEnv(objects, entry, newInput);
    env.states = states;
    env.statesLazy = statesLazy;
    env.statesResult = statesResult;
    env.statesError = statesError;
    env.mapIndex = mapIndex;
    env.mapValue = mapValue;
    return env;
  }

  /** $$.Map.Item while a Map state's ItemSelector is evaluated. */
  public void mapItem(int index, JsonNode value) {
    mapIndex = index;
    mapValue = value;
    context = null;
  }

  /** Sets $states outright (an inline Map's ItemSelector sees only input and context). */
  public void states(ObjectNode value) {
    states = value;
  }

  @Override
  public EvalEnv withInput(JsonNode newInput) {
    return with(newInput);
  }

  @Override
  public JsonNode input() {
    return in;
  }

  @Override
  public JsonNode contextObject() {
    if (context == null) {
      context = objects.contextObject(entry, mapIndex, mapValue);
    }
    return context;
  }

  @Override
  public JsonNode variable(String name) {
    return entry.frame.variables.get(name);
  }

  /** $states is built only if a JSONata expression reads it. */
  public StateEnv lazyStates(JsonNode result, JsonNode errorOutput) {
    statesResult = result;
    statesError = errorOutput;
    states = null;
    statesLazy = true;
    return this;
  }

  @Override
  public JsonNode statesVariable() {
    if (states == null) {
      states = statesLazy ? objects.statesVar(entry, statesResult, statesError) : objects.statesVar(entry, null, null);
    }
    return states;
  }

  @Override
  public Instant now() {
    return objects.now();
  }

  @Override
  public JsonNode readPath(String path, EvaluationScope scope) {
    return Query.readPath(path, scope);
  }

  @Override
  public RandomGenerator random() {
    return objects.random;
  }
}
