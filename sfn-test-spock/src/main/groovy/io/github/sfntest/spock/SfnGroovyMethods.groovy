package io.github.sfntest.spock

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import groovy.transform.CompileStatic
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import io.github.sfntest.engine.Execution
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.history.ExecutionHistory
import io.github.sfntest.internal.json.Json
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskInvocation
import io.github.sfntest.testing.StateMachineUnderTest

/**
 * A Groovy extension module (active whenever sfn-test-spock is on the classpath) that lets
 * results, histories and task invocations read as plain Groovy values in {@code then:} blocks and
 * mock closures:
 *
 * <pre>
 * def result = orderFlow.run(orderId: '42', amount: 10)       // input as a map (named arguments)
 * result.output == [charged: true, orderId: '42']             // output as Maps, Lists, Strings, numbers
 * result.history.types.count(TASK_FAILED) == 3
 * result.history.events.find { it.type == TASK_STATE_ENTERED }.stateName == 'Charge'
 * result.history.stateVisits.find { it.name == 'Charge' }.attemptErrors  // any accessor reads as a property
 * mocks.onState('Charge').willAnswer { call -> [charged: call.payload.amount &lt; 100] }
 * </pre>
 */
@CompileStatic
final class SfnGroovyMethods {

  private static final ObjectMapper MAPPER = new ObjectMapper()

  private SfnGroovyMethods() {}

  /** Runs an execution whose input is {@code input} as JSON (e.g. {@code sm.run(orderId: '42')}) to its end. */
  static ExecutionResult run(StateMachineUnderTest self, Map<String, ?> input) {
    self.run(MAPPER.valueToTree(input) as JsonNode)
  }

  /** Starts an execution whose input is {@code input} as JSON. */
  static Execution start(StateMachineUnderTest self, Map<String, ?> input) {
    self.start(MAPPER.valueToTree(input) as JsonNode)
  }

  /** The output as Groovy values (Maps, Lists, Strings, numbers, booleans), or null if there is none. */
  static Object getOutput(ExecutionResult self) {
    self.output().map { JsonNode n -> toGroovy(n) }.orElse(null)
  }

  /** The input as Groovy values. */
  static Object getInput(ExecutionResult self) {
    toGroovy(self.input())
  }

  /**
   * What the task was called with, as Groovy values: the Lambda event for Lambda tasks (the {@code
   * Payload} of {@code lambda:invoke}), else the effective parameters.
   */
  static Object getPayload(TaskInvocation self) {
    toGroovy(MockedResponses.lambdaEvent(self))
  }

  /** The effective parameters as Groovy values. */
  static Object getArgs(TaskInvocation self) {
    toGroovy(self.parameters())
  }

  /** The output as compact JSON text, or null unless SUCCEEDED. */
  static String getOutputJson(ExecutionResult self) {
    self.output().map { JsonNode n -> Json.write(n) }.orElse(null)
  }

  // ---- one rule for every other accessor

  /**
   * Every record-style accessor of sfn-test's public types reads as a Groovy property: {@code
   * visit.attemptErrors} calls {@code visit.attemptErrors()}, {@code event.stateName} calls {@code
   * stateName()}. An {@code Optional} reads as its value or null. The getters above take precedence
   * where a property means more (JSON as Groovy values). Anything else missing stays a {@link
   * MissingPropertyException}, as Groovy reports it.
   *
   * @param self the object whose property was not found
   * @param name the property's name
   * @return the accessor's value, an Optional unwrapped to its value or null
   */
  static Object propertyMissing(Object self, String name) {
    Method accessor = accessor(self.getClass(), name)
    if (accessor == null) {
      throw new MissingPropertyException(name, self.getClass())
    }
    Object value = accessor.invoke(self)
    value instanceof Optional ? ((Optional) value).orElse(null) : value
  }

  /** The names of the states entered, in order: {@code history.visitedStates == ['A', 'B']}. */
  static List<String> getVisitedStates(ExecutionHistory self) {
    self.enteredStateNames()
  }

  /** The public no-argument accessor {@code name()} of a public sfn-test type, or null. */
  private static Method accessor(Class<?> type, String name) {
    if (!type.name.startsWith('io.github.sfntest.') || type.name.startsWith('io.github.sfntest.internal.')) {
      return null
    }
    Method m = type.methods.find { Method it ->
      it.name == name && it.parameterCount == 0 && it.returnType != void && !Modifier.isStatic(it.modifiers)
    }
    m != null && m.declaringClass != Object ? m : null
  }

  /** A JSON node as Groovy values (Maps, Lists, Strings, numbers, booleans, null). */
  static Object toGroovy(JsonNode node) {
    node == null || node.isNull() || node.isMissingNode() ? null : MAPPER.treeToValue(node, Object)
  }
}
