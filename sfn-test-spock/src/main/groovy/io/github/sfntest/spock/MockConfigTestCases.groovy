package io.github.sfntest.spock

import groovy.transform.CompileStatic
import io.github.sfntest.mock.MockConfigFile
import io.github.sfntest.testing.TestRun

/**
 * The test cases of a MockConfigFile as data for a {@code where:} block: each iteration is answered
 * by its test case and, Spock 2 unrolling iterations, reported on its own.
 *
 * <pre>
 * &#64;StateMachineTest(definition = 'local_testing.asl.json', name = 'LocalTesting')
 * class EveryTestCaseSpec extends Specification {
 *   StateMachineUnderTest salesLead
 *
 *   def "#testCase runs to a success state"() {
 *     expect:
 *     salesLead.runWithInputFrom('input.json').status == SUCCEEDED
 *
 *     where:
 *     testCase &lt;&lt; MockConfigTestCases.of('MockConfigFile.json', 'LocalTesting')
 *   }
 * }
 * </pre>
 *
 * <p>In a data table, where each test case comes with its own expectations, write the names and
 * let {@link MockConfig @MockConfig(testCase = '#testCase')} select them.
 */
@CompileStatic
final class MockConfigTestCases {

  private MockConfigTestCases() {}

  /**
   * Every test case of the file's only state machine, in file order.
   *
   * @throws io.github.sfntest.testing.TestConfigurationException if the file is missing or invalid,
   *     or has several state machines (then name one with {@link #of(String, String)})
   */
  static List<MockConfigTestCase> of(String file) {
    of(file, null)
  }

  /** Every test case of state machine {@code stateMachine} of the file, in file order. */
  static List<MockConfigTestCase> of(String file, String stateMachine) {
    MockConfigFile config = TestRun.loadMockConfig(file)
    Set<String> machines = config.stateMachineNames()
    String machine = stateMachine
    if (machine == null || machine.isBlank()) {
      if (machines.size() != 1) {
        throw new io.github.sfntest.testing.TestConfigurationException("The MockConfigFile " + file
            + " has the state machines " + machines.join(', ') + ": name the one whose test cases to run,"
            + " e.g. MockConfigTestCases.of('" + file + "', '" + machines.find() + "').")
      }
      machine = machines.iterator().next()
    } else if (!machines.contains(machine)) {
      throw new io.github.sfntest.testing.TestConfigurationException("The MockConfigFile " + file
          + " has no state machine \"" + machine + "\". Its state machines: " + machines.join(', ')
          + ". Fix the second argument of MockConfigTestCases.of.")
    }
    String m = machine
    config.testCaseNames(m).collect { String name -> new MockConfigTestCase(file, m, name) }
  }
}
