package io.github.sfntest.spock

import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.engine.Engine
import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.history.HistoryEventType
import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import java.time.Instant
import org.junit.platform.engine.TestDescriptor
import org.junit.platform.engine.TestExecutionResult
import org.junit.platform.testkit.engine.Event
import spock.lang.Specification
import spock.util.EmbeddedSpecRunner

/**
 * Base of the extension's own specs: runs example specs, written as source text, with Spock's
 * {@link EmbeddedSpecRunner} (the EmbeddedSpecification way), so that failing and misconfigured
 * specs can be run and their outcomes asserted.
 */
abstract class EmbeddedSpecs extends Specification {

  EmbeddedSpecRunner runner = new EmbeddedSpecRunner()

  def setup() {
    runner.addPackageImport('io.github.sfntest.spock')
    [StateMachineUnderTest, MockedResponses, Engine, StateMachineDefinition, IntegrationResults, Duration, Instant,
     Recorded].each { runner.addClassImport(it) }
    runner.addClassMemberImport(ExecutionStatus)
    runner.addClassMemberImport(HistoryEventType)
    runner.addPackageImport('spock.lang')
  }

  /** Runs {@code source} (imports added), expecting no failure. */
  def runPassing(String source) {
    runner.throwFailure = true
    runner.runWithImports(source)
  }

  /** Runs {@code source} without throwing its failures. */
  def runAllowingFailures(String source) {
    runner.throwFailure = false
    runner.runWithImports(source)
  }

  /** The exceptions of every failed test and container. */
  static List<Throwable> failures(results) {
    List<Event> failed = []
    failed.addAll(results.allEvents().failed().list())
    failed.collect { Event e -> e.getRequiredPayload(TestExecutionResult).throwable.get() }
  }

  /** The display names of the tests (features and iterations, not data-driven features) that succeeded, in order. */
  static List<String> succeededNames(results) {
    names(results.testEvents().succeeded().list())
  }

  /** The display names of the tests (features and iterations, not data-driven features) that failed, in order. */
  static List<String> failedNames(results) {
    names(results.testEvents().failed().list())
  }

  private static List<String> names(List<Event> events) {
    events.findAll { Event e -> e.testDescriptor.type == TestDescriptor.Type.TEST }
        .collect { Event e -> e.testDescriptor.displayName }
  }

  /** Runs {@code action} capturing what it prints. */
  static String capturingOut(Closure action) {
    PrintStream original = System.out
    ByteArrayOutputStream bytes = new ByteArrayOutputStream()
    System.out = new PrintStream(bytes, true, 'UTF-8')
    try {
      action()
    } finally {
      System.out = original
    }
    bytes.toString('UTF-8')
  }
}
