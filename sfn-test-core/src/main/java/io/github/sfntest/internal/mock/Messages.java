package io.github.sfntest.internal.mock;

import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.mock.TaskInvocation;
import java.util.Collection;

/** The human texts of missing mocks and missing responses. */
public final class Messages {

  private Messages() {}

  /** {@code Task state 'X' (resource R, invocation #i)}. */
  public static String task(TaskInvocation inv) {
    return "Task state '" + inv.stateName() + "' (resource " + inv.resource() + ", invocation #"
        + inv.invocationIndex() + ")";
  }

  /** "Did you mean ..." for a state name close to a mocked one, or "". */
  public static String didYouMean(String stateName, Collection<String> mockedStates) {
    String close = NearMiss.best(stateName, mockedStates).orElse(null);
    return close == null ? "" : " Did you mean '" + close + "'? The names must match exactly.";
  }

  /** The Java line that would mock the invocation. */
  public static String javaHint(TaskInvocation inv) {
    String line = "mocks.onState(" + quote(inv.stateName()) + ").willReturn(...)";
    String fn = LambdaTargets.functionName(inv);
    if (fn != null) {
      line += " or mocks.onLambda(" + quote(fn) + ").willReturn(...)";
    }
    return line;
  }

  /** Why a MockConfigFile test case does not answer {@code inv}. */
  public static String notInTestCase(
      TaskInvocation inv, String source, String stateMachine, String testCase, Collection<String> mockedStates) {
    return task(inv) + " has no mock in test case '" + testCase + "' of state machine '" + stateMachine
        + "' (" + source + ")." + didYouMean(inv.stateName(), mockedStates)
        + " Mocked states in this test case: " + NearMiss.quotedList(mockedStates) + "."
        + " To mock it, add " + quote(inv.stateName()) + ": \"<ResponseName>\" under StateMachines/"
        + stateMachine + "/TestCases/" + testCase + ", or in Java: " + javaHint(inv);
  }

  /** The States.Runtime cause when a response has no entry for the invocation index. */
  public static String noEntry(
      TaskInvocation inv, String responseName, String testCase, ResponseSequence sequence) {
    int i = inv.invocationIndex();
    return "The mocked response '" + responseName + "' of state '" + inv.stateName() + "'"
        + (testCase == null ? "" : " (test case '" + testCase + "')")
        + " has no entry for invocation " + i + "; it defines " + sequence.describeKeys() + "."
        + " Invocations count from 0 per state and execution, retries and Map iterations included;"
        + " add the key \"" + i + "\" or a range that includes it.";
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
