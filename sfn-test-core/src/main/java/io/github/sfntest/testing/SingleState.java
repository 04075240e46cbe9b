package io.github.sfntest.testing;

import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;
import java.util.function.UnaryOperator;

/**
 * One state of a {@link StateMachineUnderTest}, tested on its own as AWS's TestState API does (see
 * {@link StateMachineUnderTest#testState(String, UnaryOperator)}). The JUnit extension injects it
 * for a parameter annotated {@code @StateUnderTest("Name")} or in a method so annotated.
 *
 * <pre>{@code
 * @Test
 * @StateUnderTest("IsPriority")
 * void gold_customers_ship_express(SingleState isPriority) {
 *   assertThat(isPriority.test("{\"tier\": \"gold\"}")).goesTo("ShipExpress");
 * }
 * }</pre>
 */
public final class SingleState {

  private final StateMachineUnderTest machine;
  private final String name;

  /**
   * @param machine the state machine
   * @param name the state's name
   */
  public SingleState(StateMachineUnderTest machine, String name) {
    this.machine = machine;
    this.name = name;
  }

  /**
   * The state's name.
   *
   * @return the state name
   */
  public String name() {
    return name;
  }

  /**
   * The state machine the state belongs to.
   *
   * @return the state machine
   */
  public StateMachineUnderTest machine() {
    return machine;
  }

  /**
   * Tests the state with {@code inputJson} and nothing else.
   *
   * @param inputJson the state's input
   * @return what TestState answers
   */
  public TestStateResult test(String inputJson) {
    return machine.testState(name, inputJson);
  }

  /**
   * Tests the state with the request {@code request} fills in (input, mocks, configuration).
   *
   * @param request fills in the request
   * @return what TestState answers
   */
  public TestStateResult test(UnaryOperator<TestStateRequest.Builder> request) {
    return machine.testState(name, request);
  }

  @Override
  public String toString() {
    return "SingleState{" + machine.name() + "." + name + "}";
  }
}
