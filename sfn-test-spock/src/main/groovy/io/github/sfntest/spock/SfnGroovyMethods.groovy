package io.github.sfntest.spock

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import groovy.transform.CompileStatic
import io.github.sfntest.engine.Execution
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.history.ExecutionHistory
import io.github.sfntest.history.HistoryEvent
import io.github.sfntest.history.HistoryEventType
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
 * result.history.events.find { it.type == TASK_FAILED }.stateName == 'Charge'
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

  /** The event's type, e.g. {@code TASK_FAILED}. */
  static HistoryEventType getType(HistoryEvent self) {
    self.type()
  }

  /** The event's id (1-based). */
  static long getId(HistoryEvent self) {
    self.id()
  }

  /** The state the event belongs to, or null. */
  static String getStateName(HistoryEvent self) {
    self.stateName().orElse(null)
  }

  /** The event's error, or null. */
  static String getError(HistoryEvent self) {
    self.error().orElse(null)
  }

  /** The event's cause, or null. */
  static String getCause(HistoryEvent self) {
    self.cause().orElse(null)
  }

  /** The types of the events, in order. */
  static List<HistoryEventType> getTypes(ExecutionHistory self) {
    self.types()
  }

  /** A JSON node as Groovy values (Maps, Lists, Strings, numbers, booleans, null). */
  static Object toGroovy(JsonNode node) {
    node == null || node.isNull() || node.isMissingNode() ? null : MAPPER.treeToValue(node, Object)
  }
}
