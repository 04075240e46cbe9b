package io.github.sfntest.junit;

import io.github.sfntest.engine.StateMachineType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a state machine: on a parameter or field of type {@link
 * io.github.sfntest.testing.StateMachineUnderTest} or {@link
 * io.github.sfntest.definition.StateMachineDefinition} it picks which of the declared state machines
 * to inject; inside {@link StateMachineTest#machines()} it declares one more.
 *
 * <pre>{@code
 * @StateMachineTest(definition = "order.asl.json",
 *     machines = @StateMachine(value = "Payment", definition = "payment.asl.yaml",
 *                              substitutions = "TableName=payments"))
 * class OrderTest {
 *   @StateMachine("Payment") StateMachineUnderTest payment;      // field injection
 *
 *   @Test
 *   void paymentAlone(@StateMachine("Payment") StateMachineUnderTest payment) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StateMachine {

  /** The state machine's name. */
  String value();

  /** (Declaration only) the definition: a classpath resource or a file, JSON or YAML. */
  String definition() default "";

  /** (Declaration only) placeholder values as {@code "Name=value"}. */
  String[] substitutions() default {};

  /** (Declaration only) files of placeholder values: {@code .properties} or JSON. */
  String[] substitutionsFile() default {};

  /** (Declaration only) a SAM/CloudFormation template whose {@code DefinitionSubstitutions} apply. */
  String template() default "";

  /** (Declaration only) the logical id of the state machine in {@link #template()}. */
  String templateResource() default "";

  /**
   * How AWS runs the state machine's executions: {@code EXPRESS} gives {@code express:} ARNs, the
   * 5-minute limit, and refuses {@code .sync}, callbacks and activities before any test runs;
   * {@code run(...)} then starts as StartSyncExecution, {@code start(...)} as StartExecution. The
   * default, STANDARD, leaves the type to the template ({@code Type} of SAM, {@code StateMachineType}
   * of CloudFormation), else STANDARD.
   */
  StateMachineType type() default StateMachineType.STANDARD;
}
