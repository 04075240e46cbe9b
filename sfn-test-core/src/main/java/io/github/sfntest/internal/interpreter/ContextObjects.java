package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.asl.StateType;
import io.github.sfntest.internal.json.Json;
import java.util.Random;

/**
 * What the evaluation environment of one execution reads besides the state's input: the context
 * object ({@code $$}), JSONata's {@code $states}, virtual time and the seeded random source.
 */
public final class ContextObjects {

  private final RunSettings settings;
  private final JsonNode executionInput;
  private final Scheduler scheduler;
  final Random random;
  private ObjectNode executionContext;
  private ObjectNode stateMachineContext;
  private JsonNode contextOverride;
  private boolean redriveCount = true;
  private int redriveCountValue;
  private java.time.Instant redriveTime;

  ContextObjects(RunSettings settings, JsonNode executionInput, Scheduler scheduler, Random random) {
    this.settings = settings;
    this.executionInput = executionInput;
    this.scheduler = scheduler;
    this.random = random;
  }

  /** A new environment for one field of {@code entry}, over {@code in}. */
  public StateEnv env(StateEntry entry, JsonNode in) {
    return new StateEnv(this, entry, in);
  }

  java.time.Instant now() {
    return scheduler.now();
  }

  ObjectNode statesVar(StateEntry entry, JsonNode result, JsonNode errorOutput) {
    ObjectNode states = Json.NODES.objectNode();
    states.set("input", entry.rawInput);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", contextObject(entry, -1, null));
    return states;
  }

  /** Replaces the context object of the execution's states (TestState's {@code context}); null to synthesise. */
  /** TestState's synthesised context object has no {@code Execution.RedriveCount}. */
  void withoutRedriveCount() {
    redriveCount = false;
  }

  /** A redrive: {@code Execution.RedriveCount} and {@code RedriveTime} change for the states entered from now on. */
  void redriven(int count, java.time.Instant time) {
    redriveCountValue = count;
    redriveTime = time;
    executionContext = null; // rebuilt: objects earlier states captured keep their values
  }

  void override(JsonNode context) {
    contextOverride = context;
  }

  // The members of $$ and its parts, in the order they are set: their objects share these arrays.
  private static final String[] CONTEXT = {"Execution", "StateMachine", "State"};
  private static final String[] CONTEXT_TASK = {"Execution", "StateMachine", "State", "Task"};
  private static final String[] CONTEXT_MAP = {"Execution", "StateMachine", "State", "Map"};
  private static final String[] CONTEXT_TASK_MAP = {"Execution", "StateMachine", "State", "Task", "Map"};
  private static final String[] STATE = {"Name", "EnteredTime", "RetryCount"};
  private static final String[] TASK = {"Token"};
  private static final String[] ITEM = {"Index", "Value"};
  private static final String[] MAP = {"Item"};

  /** $$.State of the last entry asked for, shared by its fields' environments (an inline Map's iterations). */
  private StateEntry stateEntry;
  private int stateRetryCount;
  private ObjectNode stateNode;

  private ObjectNode stateContext(StateEntry entry) {
    if (entry == stateEntry && entry.retryCount == stateRetryCount) {
      return stateNode;
    }
    ObjectNode state = Json.object(STATE);
    state.put("Name", entry.state.name());
    state.put("EnteredTime", entry.enteredTimeText());
    if (entry.retryCount > 0 || entry.state.type() == StateType.TASK) {
      state.put("RetryCount", entry.retryCount);
    }
    stateEntry = entry;
    stateRetryCount = entry.retryCount;
    stateNode = state;
    return state;
  }

  JsonNode contextObject(StateEntry entry, int mapIndex, JsonNode mapValue) {
    if (contextOverride != null && entry.frame.parent == null) {
      return contextOverride;
    }
    if (executionContext == null) {
      executionContext = Json.NODES.objectNode();
      executionContext.put("Id", settings.executionArn());
      executionContext.set("Input", executionInput);
      executionContext.put("StartTime", AwsTime.FORMAT.format(settings.startTime()));
      executionContext.put("Name", settings.executionName());
      executionContext.put("RoleArn", settings.roleArn());
      if (redriveCount && !settings.startedSync()) {
        executionContext.put("RedriveCount", redriveCountValue); // AWS omits it for StartSyncExecution's executions and in TestState
      }
      if (redriveTime != null) {
        executionContext.put("RedriveTime", AwsTime.FORMAT.format(redriveTime));
      }
      stateMachineContext = Json.NODES.objectNode();
      stateMachineContext.put("Id", settings.stateMachineArn());
      stateMachineContext.put("Name", settings.stateMachineName());
    }
    boolean task = entry.taskToken != null;
    boolean map = mapIndex >= 0;
    ObjectNode ctx = Json.object(task ? (map ? CONTEXT_TASK_MAP : CONTEXT_TASK) : (map ? CONTEXT_MAP : CONTEXT));
    ctx.set("Execution", executionContext);
    ctx.set("StateMachine", stateMachineContext);
    ctx.set("State", stateContext(entry));
    if (task) {
      ObjectNode taskNode = Json.object(TASK);
      taskNode.put("Token", entry.taskToken);
      ctx.set("Task", taskNode);
    }
    if (map) {
      ObjectNode item = Json.object(ITEM);
      item.put("Index", mapIndex);
      item.set("Value", mapValue);
      ObjectNode mapNode = Json.object(MAP);
      mapNode.set("Item", item);
      ctx.set("Map", mapNode);
    }
    return ctx;
  }
}
