package io.github.sfntest.junit;

import io.github.sfntest.engine.StateMachineType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests a Step Functions state machine in-process: each test gets the state machine ready to run,
 * its own mocks, and virtual time, with no AWS account, no Docker and no sleeps.
 *
 * <pre>{@code
 * @StateMachineTest(definition = "statemachine/order.asl.json")
 * class OrderFlowTest {
 *
 *   @Test
 *   void chargesTheCard(StateMachineUnderTest orderFlow, MockedResponses mocks) {
 *     mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
 *
 *     ExecutionResult result = orderFlow.run("{\"orderId\": \"42\"}");
 *
 *     assertThat(result).succeeded().visited("Charge");
 *     mocks.verify("Charge").times(1);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Definition.</b> {@link #definition()} is a classpath resource (e.g. under {@code
 * src/test/resources} or {@code src/main/resources}) or a file ({@code "file:statemachine/order.asl.yaml"}),
 * JSON or YAML. The state machine is named after the file unless {@link #name()} says otherwise:
 * the name matters for MockConfigFile test cases and ARNs. {@code ${...}} placeholders take values
 * from a SAM/CloudFormation template ({@link #template()} + {@link #templateResource()}: its {@code
 * DefinitionSubstitutions}, with {@code !GetAtt Fn.Arn} etc. evaluated to plausible ARNs), from
 * {@link #substitutionsFile()} ({@code .properties} or JSON) and from {@link #substitutions()}
 * ({@code "Name=value"}), later ones winning. Placeholders left without a value only matter if an
 * execution reaches them. With a template and no definition, the template's {@code DefinitionUri}
 * (or inline {@code Definition}) is used:
 *
 * <pre>{@code
 * @StateMachineTest(template = "template.yaml", templateResource = "OrderStateMachine", name = "OrderFlow")
 * }</pre>
 *
 * <p><b>Injection.</b> Test and lifecycle method parameters and instance fields of these types are
 * injected: {@link io.github.sfntest.testing.StateMachineUnderTest} (bound to this test's mocks),
 * {@link io.github.sfntest.mock.MockedResponses} (fresh for every test), {@link
 * io.github.sfntest.engine.Engine} and {@link io.github.sfntest.definition.StateMachineDefinition}.
 * With several state machines, {@link StateMachine @StateMachine("Name")} picks one; without it, the
 * one declared here is meant.
 *
 * <p><b>Several state machines</b> (a parent and the children it starts): declare the others in
 * {@link #machines()}. A {@code states:startExecution} task ({@code .sync}, {@code .sync:2} or plain)
 * whose {@code StateMachineArn} ends in a declared name runs that machine as a child execution on
 * the same engine, with the same mocks, unless a mock answers the task first.
 *
 * <pre>{@code
 * @StateMachineTest(definition = "parent.asl.json",
 *     machines = @StateMachine(value = "Payment", definition = "payment.asl.json"))
 * class ParentTest {
 *   @Test void paysThroughTheChild(StateMachineUnderTest parent, @StateMachine("Payment") StateMachineUnderTest payment) { ... }
 * }
 * }</pre>
 *
 * <p><b>Mocks</b> are written in the test ({@link io.github.sfntest.mock.MockedResponses}) or taken
 * from a Step Functions Local MockConfigFile with {@link MockConfig @MockConfig}; {@link
 * MockConfigTestCases @MockConfigTestCases} runs a test once per test case of the file.
 *
 * <p><b>Engine.</b> {@link #engine()} names it ({@code in-process} by default); the system property
 * {@code sfntest.engine} overrides it for a whole run, e.g. {@code mvn test -Dsfntest.engine=...}.
 * In-process, every test gets its own engine (it costs microseconds), so {@link #startTime()} and
 * {@link #seed()} make time and generated values (task tokens, execution names, {@code States.UUID})
 * reproducible whatever order tests run in; engines that are expensive to create are shared by
 * the tests of a class.
 *
 * <p><b>Failures.</b> When a test fails, the history summary of each execution it started is
 * printed and published as a report entry ({@code sfn-test.history}); set the configuration
 * parameter or system property {@code sfntest.printHistoryOnFailure=false} to turn it off.
 *
 * <p>Safe under parallel execution: everything lives in JUnit's extension stores, per class or per
 * test. For programmatic setup use {@link StateMachineExtension#builder()} with
 * {@code @RegisterExtension} instead of this annotation.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StateMachineExtension.class)
public @interface StateMachineTest {

  /** The definition: a classpath resource or a file ({@code file:} prefix to skip the classpath), JSON or YAML. */
  String definition() default "";

  /** The state machine's name (what MockConfigFiles and ARNs use); by default the definition file's name. */
  String name() default "";

  /** Placeholder values as {@code "Name=value"}; they win over files and templates. */
  String[] substitutions() default {};

  /** Files of placeholder values: {@code .properties}, or a JSON object of strings. */
  String[] substitutionsFile() default {};

  /** A SAM/CloudFormation template (YAML or JSON) whose {@code DefinitionSubstitutions} apply. */
  String template() default "";

  /** The logical id of the state machine in {@link #template()}. */
  String templateResource() default "";

  /** More state machines, e.g. the children the main one starts; pick them with {@code @StateMachine("Name")}. */
  StateMachine[] machines() default {};

  /** The engine id; {@code in-process} by default. The system property {@code sfntest.engine} wins. */
  String engine() default "";

  /** Where the virtual clock of each execution starts, ISO-8601 ({@code 2024-01-01T00:00:00Z} by default). */
  String startTime() default "";

  /** The seed of generated values (task tokens, execution names, {@code States.UUID}). */
  long seed() default 0;

  /**
   * How AWS runs the state machine's executions: {@code EXPRESS} gives {@code express:} ARNs, the
   * 5-minute limit, and refuses {@code .sync}, callbacks and activities before any test runs;
   * {@code run(...)} then starts as StartSyncExecution, {@code start(...)} as StartExecution. The
   * default, STANDARD, leaves the type to the template ({@code Type} of SAM, {@code StateMachineType}
   * of CloudFormation), else STANDARD.
   */
  StateMachineType type() default StateMachineType.STANDARD;
}
