package io.github.sfntest.spock

import io.github.sfntest.engine.StateMachineType
import java.lang.annotation.Documented
import java.lang.annotation.ElementType
import java.lang.annotation.Inherited
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target
import org.spockframework.runtime.extension.ExtensionAnnotation

/**
 * Tests a Step Functions state machine in-process from a Spock specification: every feature
 * iteration gets the state machine ready to run, its own mocks and virtual time, with no AWS
 * account, no Docker and no sleeps. The same attributes as the JUnit {@code @StateMachineTest}.
 *
 * <pre>
 * &#64;StateMachineTest(definition = 'statemachine/order.asl.json')
 * class OrderFlowSpec extends Specification {
 *   StateMachineUnderTest orderFlow        // injected: fresh for every iteration
 *   MockedResponses mocks
 *
 *   def "charges the card"() {
 *     given:
 *     mocks.onState('Charge').willAnswer { call -> [charged: call.payload.amount > 0] }
 *
 *     when:
 *     def result = orderFlow.run(orderId: '42', amount: 10)
 *
 *     then:
 *     result.status == SUCCEEDED
 *     result.visitedStates == ['Charge', 'Done']
 *     result.output.charge == [charged: true]
 *   }
 * }
 * </pre>
 *
 * <p><b>Definition.</b> {@link #definition()} is a classpath resource or a file ({@code file:}
 * prefix), JSON or YAML, named after the file unless {@link #name()} says otherwise (the name
 * matters for MockConfigFile test cases and ARNs). {@code ${...}} placeholders take values from a
 * SAM/CloudFormation template ({@link #template()} + {@link #templateResource()}), from {@link
 * #substitutionsFile()} ({@code .properties} or JSON) and from {@link #substitutions()}
 * ({@code "Name=value"}), later ones winning.
 *
 * <p><b>Injection.</b> Fields and feature method parameters of type {@link
 * io.github.sfntest.testing.StateMachineUnderTest}, {@link io.github.sfntest.mock.MockedResponses},
 * {@link io.github.sfntest.engine.Engine} and {@link io.github.sfntest.definition.StateMachineDefinition}
 * are injected; {@link StateMachine @StateMachine('Name')} picks one of several state machines.
 * Plain fields and parameters belong to one feature iteration (fresh mocks every time). A {@code
 * @Shared} {@code StateMachineUnderTest} or {@code MockedResponses} field makes the spec share one
 * set of mocks across all its features (set them up in {@code setupSpec()}); a spec cannot mix both.
 *
 * <p><b>Mocks</b> are written in the feature or come from a Step Functions Local MockConfigFile:
 * {@link MockConfig @MockConfig}, or {@link MockConfigTestCases#of} in a {@code where:} block.
 *
 * <p><b>Engine.</b> {@link #engine()}, else {@code engine} in {@code SpockConfig.groovy}'s {@code
 * sfnTest} block, else {@code in-process}; the system property {@code sfntest.engine} wins over all.
 *
 * <p><b>Failures.</b> A failed iteration prints the history summary of the executions it started
 * and attaches it to the failure as a suppressed {@link ExecutionHistorySummary}; see {@link
 * StateMachineTestConfiguration} to turn that off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target([ElementType.TYPE])
@Documented
@Inherited
@ExtensionAnnotation(StateMachineSpockExtension)
@interface StateMachineTest {

  /** The definition: a classpath resource or a file ({@code file:} prefix to skip the classpath), JSON or YAML. */
  String definition() default ''

  /** The state machine's name (what MockConfigFiles and ARNs use); by default the definition file's name. */
  String name() default ''

  /** Placeholder values as {@code "Name=value"}; they win over files and templates. */
  String[] substitutions() default []

  /** Files of placeholder values: {@code .properties}, or a JSON object of strings. */
  String[] substitutionsFile() default []

  /** A SAM/CloudFormation template (YAML or JSON) whose {@code DefinitionSubstitutions} apply. */
  String template() default ''

  /** The logical id of the state machine in {@link #template()}. */
  String templateResource() default ''

  /** More state machines, e.g. the children the main one starts; pick them with {@code @StateMachine('Name')}. */
  StateMachine[] machines() default []

  /** The engine id; by default SpockConfig's, else {@code in-process}. The system property {@code sfntest.engine} wins. */
  String engine() default ''

  /** Where the virtual clock of each execution starts, ISO-8601; by default SpockConfig's, else {@code 2024-01-01T00:00:00Z}. */
  String startTime() default ''

  /** The seed of generated values (task tokens, execution names, {@code States.UUID}); 0 means SpockConfig's, else 0. */
  long seed() default 0L

  /**
   * How AWS runs the state machine's executions: {@code EXPRESS} gives {@code express:} ARNs, the
   * 5-minute limit, and refuses {@code .sync}, callbacks and activities before any test runs;
   * {@code run(...)} then starts as StartSyncExecution, {@code start(...)} as StartExecution. The
   * default, STANDARD, leaves the type to the template ({@code Type} of SAM, {@code StateMachineType}
   * of CloudFormation), else STANDARD.
   */
  StateMachineType type() default StateMachineType.STANDARD
}
