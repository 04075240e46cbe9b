package io.github.sfntest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the state a {@link io.github.sfntest.testing.SingleState} parameter tests on its own (AWS's
 * TestState, offline), on the parameter, the test method or the test class (the closest wins). Combine with
 * {@link StateMachine @StateMachine} to pick the state machine when the class has several.
 *
 * <pre>{@code
 * @StateMachineTest(definition = "order.asl.json")
 * class RoutingTest {
 *   @Test
 *   @StateUnderTest("IsPriority")
 *   void gold_customers_ship_express(SingleState isPriority) {
 *     assertThat(isPriority.test("{\"tier\": \"gold\"}")).succeeded().goesTo("ShipExpress");
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface StateUnderTest {

  /**
   * The state's name (top level, or inside a Map or Parallel).
   *
   * @return the state name
   */
  String value();
}
