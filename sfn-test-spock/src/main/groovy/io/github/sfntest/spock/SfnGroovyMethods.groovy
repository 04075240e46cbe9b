package io.github.sfntest.spock

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import groovy.transform.CompileStatic
import java.time.Duration
import io.github.sfntest.engine.Execution
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.engine.MapRunResult
import io.github.sfntest.history.ExecutionHistory
import io.github.sfntest.history.HistoryEvent
import io.github.sfntest.history.HistoryEventType
import io.github.sfntest.history.MapIteration
import io.github.sfntest.history.StateVisit
import io.github.sfntest.internal.json.Json
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskInvocation
import io.github.sfntest.replay.RecordedExecution
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

  // ---- properties of the result model (the core types have record-style accessors only)

  /** The execution's status. */
  static ExecutionStatus getStatus(ExecutionResult self) {
    self.status()
  }

  /** The output as compact JSON text, or null unless SUCCEEDED. */
  static String getOutputJson(ExecutionResult self) {
    self.output().map { JsonNode n -> Json.write(n) }.orElse(null)
  }

  /** The execution's error, or null. */
  static String getError(ExecutionResult self) {
    self.error().orElse(null)
  }

  /** The execution's cause, or null. */
  static String getCause(ExecutionResult self) {
    self.cause().orElse(null)
  }

  /** The child executions it started, in start order. */
  static List<ExecutionResult> getChildExecutions(ExecutionResult self) {
    self.childExecutions()
  }

  /** The execution's history. */
  static ExecutionHistory getHistory(ExecutionResult self) {
    self.history()
  }

  /** The Map Runs of its Distributed Map states, in start order. */
  static List<MapRunResult> getMapRuns(ExecutionResult self) {
    self.mapRuns()
  }

  /** The names of the states entered, in order. */
  static List<String> getVisitedStates(ExecutionResult self) {
    self.visitedStates()
  }

  /** The events, in order. */
  static List<HistoryEvent> getEvents(ExecutionHistory self) {
    self.events()
  }

  /** The names of the states entered, in order: {@code history.visitedStates == ['A', 'B']}. */
  static List<String> getVisitedStates(ExecutionHistory self) {
    self.enteredStateNames()
  }

  /** Every state visit, in order. */
  static List<StateVisit> getStateVisits(ExecutionHistory self) {
    self.stateVisits()
  }

  /** The state's name: {@code visit.name}. */
  static String getName(StateVisit self) {
    self.name()
  }

  /** The state type as ASL spells it ({@code Task}, {@code Map}, ...): {@code visit.stateType}. */
  static String getStateType(StateVisit self) {
    self.stateType()
  }

  /** The events of this visit itself, in history order: {@code visit.events}. */
  static List<HistoryEvent> getEvents(StateVisit self) {
    self.events()
  }

  /** The Map iterations of this visit, every attempt's: {@code visit.mapIterations}. */
  static List<MapIteration> getMapIterations(StateVisit self) {
    self.mapIterations()
  }

  /** The state's effective input (a JSON node), or null. */
  static JsonNode getInput(StateVisit self) {
    self.input()
  }

  /** The state's output (a JSON node), or null. */
  static JsonNode getOutput(StateVisit self) {
    self.output().orElse(null)
  }

  /** How often the state's work was attempted: {@code visit.attempts}. */
  static int getAttempts(StateVisit self) {
    self.attempts()
  }

  /** How often the state was retried ({@code attempts - 1}): {@code visit.retries}. */
  static int getRetries(StateVisit self) {
    self.retries()
  }

  /** The error of each failed attempt, in order (e.g. {@code ['Lambda.ServiceException', 'States.Timeout']}). */
  static List<String> getAttemptErrors(StateVisit self) {
    self.attemptErrors()
  }

  /** The failure events of every attempt. */
  static List<HistoryEvent> getFailures(StateVisit self) {
    self.failures()
  }

  /** The states entered directly inside this Map or Parallel state: {@code visit.children}. */
  static List<StateVisit> getChildren(StateVisit self) {
    self.children()
  }

  /** The Map iterations of the last attempt: {@code visit.lastAttemptIterations}. */
  static List<MapIteration> getLastAttemptIterations(StateVisit self) {
    self.lastAttemptIterations()
  }

  /** The Task's resource, or null for other states. */
  static String getResource(StateVisit self) {
    self.resource().orElse(null)
  }

  /** True for a {@code .waitForTaskToken} task: {@code visit.waitedForCallback}. */
  static boolean getWaitedForCallback(StateVisit self) {
    self.waitedForCallback()
  }

  /** The visit that followed this one, or null. */
  static StateVisit getNext(StateVisit self) {
    self.next().orElse(null)
  }

  /** The error of the final failure, or null: {@code visit.error}. */
  static String getError(StateVisit self) {
    self.error().orElse(null)
  }

  /** The cause of the final failure, or null: {@code visit.cause}. */
  static String getCause(StateVisit self) {
    self.cause().orElse(null)
  }

  /** The state a catcher sent the failure to, or null: {@code visit.caughtBy}. */
  static String getCaughtBy(StateVisit self) {
    self.caughtBy().orElse(null)
  }

  /** The parameters each attempt was scheduled with: {@code visit.scheduledParameters}. */
  static List<JsonNode> getScheduledParameters(StateVisit self) {
    self.scheduledParameters()
  }

  /** The variables the state assigned: {@code visit.assignedVariables}. */
  static Map<String, JsonNode> getAssignedVariables(StateVisit self) {
    self.assignedVariables()
  }

  /** Time between entering and exiting the state: {@code visit.duration}. */
  static Duration getDuration(StateVisit self) {
    self.duration()
  }

  /** The iteration's zero-based index: {@code iteration.index}. */
  static int getIndex(MapIteration self) {
    self.index()
  }

  /** How the iteration ended, or RUNNING: {@code iteration.status}. */
  static MapIteration.Status getStatus(MapIteration self) {
    self.status()
  }

  /** The names of the states entered directly in the iteration: {@code iteration.visitedStates}. */
  static List<String> getVisitedStates(MapIteration self) {
    self.visitedStates()
  }

  /** The iteration's output (a JSON node), or null. */
  static JsonNode getOutput(MapIteration self) {
    self.output().orElse(null)
  }

  /** The recording's file name: {@code "#recording.name"} in a feature name over a where: table of recordings. */
  static String getName(RecordedExecution self) {
    self.name()
  }

  /** The states the recorded execution entered, in order. */
  static List<String> getVisitedStates(RecordedExecution self) {
    self.visitedStates()
  }

  /** A JSON node as Groovy values (Maps, Lists, Strings, numbers, booleans, null). */
  static Object toGroovy(JsonNode node) {
    node == null || node.isNull() || node.isMissingNode() ? null : MAPPER.treeToValue(node, Object)
  }
}
