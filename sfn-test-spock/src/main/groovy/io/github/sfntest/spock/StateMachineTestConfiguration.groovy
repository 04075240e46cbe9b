package io.github.sfntest.spock

import groovy.transform.CompileStatic
import spock.config.ConfigurationObject

/**
 * The {@code sfnTest} block of {@code SpockConfig.groovy}: defaults for every {@link
 * StateMachineTest @StateMachineTest} spec of the run.
 *
 * <pre>
 * sfnTest {
 *   engine = 'in-process'                   // @StateMachineTest(engine) wins; -Dsfntest.engine wins over both
 *   startTime = '2030-01-01T00:00:00Z'      // String or Instant; @StateMachineTest(startTime) wins
 *   seed = 42                               // @StateMachineTest(seed) wins when not 0
 *   printHistoryOnFailure = false           // print the history summary of a failed iteration (default true)
 *   attachHistoryToFailure = false          // attach it to the failure as a suppressed exception (default true)
 * }
 * </pre>
 *
 * <p>The system property {@code sfntest.printHistoryOnFailure=false} turns both failure reports off
 * too, as it does for the JUnit extension.
 */
@CompileStatic
@ConfigurationObject('sfnTest')
class StateMachineTestConfiguration {

  /** The system property that turns the failure report off when "false" (shared with the JUnit extension). */
  static final String PRINT_HISTORY_PROPERTY = 'sfntest.printHistoryOnFailure'

  /** The default engine id. */
  String engine

  /** The default start of the virtual clock: an {@link java.time.Instant} or an ISO-8601 string. */
  Object startTime

  /** The default seed of generated values. */
  Long seed

  /** Print the history summary of a failed iteration's executions to standard output. */
  boolean printHistoryOnFailure = true

  /** Attach the history summary to the failure as a suppressed {@link ExecutionHistorySummary}. */
  boolean attachHistoryToFailure = true

  /**
   * Whether a failed iteration's history summary is printed (this setting and {@code
   * -Dsfntest.printHistoryOnFailure}).
   */
  boolean reportsPrinted() {
    printHistoryOnFailure && systemPropertyAllows()
  }

  /**
   * Whether a failed iteration's history summary is attached to the failure (this setting and
   * {@code -Dsfntest.printHistoryOnFailure}).
   */
  boolean reportsAttached() {
    attachHistoryToFailure && systemPropertyAllows()
  }

  private static boolean systemPropertyAllows() {
    String value = System.getProperty(PRINT_HISTORY_PROPERTY)
    value == null || !value.trim().equalsIgnoreCase('false')
  }
}
