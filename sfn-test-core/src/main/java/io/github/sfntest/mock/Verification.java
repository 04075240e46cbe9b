package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.text.NearMiss;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions about the recorded invocations of one state, from {@link MockedResponses#verify}.
 * Failures throw {@link AssertionFailedError} with every recorded invocation in the message.
 */
public final class Verification {

  private final String stateName;
  private final List<TaskInvocation> invocations;
  private final List<String> invokedStates;

  Verification(String stateName, List<TaskInvocation> invocations, List<String> invokedStates) {
    this.stateName = stateName;
    this.invocations = invocations;
    this.invokedStates = invokedStates;
  }

  /**
   * The state was invoked exactly {@code expected} times (attempts: retries count).
   *
   * @param expected the expected number of invocations
   * @return this verification
   */
  public Verification times(int expected) {
    if (invocations.size() != expected) {
      throw new AssertionFailedError(
          "Expected Task state '" + stateName + "' to be invoked " + count(expected) + ", but it was invoked "
              + count(invocations.size()) + describe(), expected, invocations.size());
    }
    return this;
  }

  /**
   * The state was never invoked.
   *
   * @return this verification
   */
  public Verification never() {
    return times(0);
  }

  /**
   * The state was invoked at least once.
   *
   * @return this verification
   */
  public Verification atLeastOnce() {
    if (invocations.isEmpty()) {
      throw new AssertionFailedError(
          "Expected Task state '" + stateName + "' to be invoked at least once, but it was never invoked" + describe());
    }
    return this;
  }

  /**
   * Some invocation had exactly these effective parameters (JSON text).
   *
   * @param json the expected parameters as JSON text
   * @return this verification
   */
  public Verification withParameters(String json) {
    return withParameters(Json.parse(json));
  }

  /**
   * Some invocation had exactly these effective parameters.
   *
   * @param expected the expected parameters
   * @return this verification
   */
  public Verification withParameters(JsonNode expected) {
    for (TaskInvocation inv : invocations) {
      if (inv.parameters().equals(expected)) {
        return this;
      }
    }
    throw new AssertionFailedError(
        "Expected Task state '" + stateName + "' to be invoked with parameters " + Json.write(expected)
            + ", but " + (invocations.isEmpty() ? "it was never invoked" : "no invocation had them") + describe());
  }

  private String describe() {
    if (invocations.isEmpty()) {
      String close = NearMiss.best(stateName, invokedStates).orElse(null);
      return "." + (close == null ? "" : " Did you mean '" + close + "'?")
          + " Invoked Task states: " + NearMiss.quotedList(invokedStates) + ".";
    }
    boolean severalExecutions = invocations.stream().map(TaskInvocation::executionArn).distinct().count() > 1;
    StringBuilder sb = new StringBuilder(":");
    for (TaskInvocation inv : invocations) {
      sb.append("\n  #").append(inv.invocationIndex());
      if (severalExecutions) {
        sb.append(" in ").append(inv.executionArn());
      }
      sb.append(" parameters ").append(Json.write(inv.parameters()));
    }
    return sb.toString();
  }

  private static String count(int n) {
    return n == 1 ? "1 time" : n + " times";
  }
}
