package io.github.sfntest.spock

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode

/**
 * One test case of a MockConfigFile, as {@link MockConfigTestCases#of} lists them for a {@code
 * where:} block. An iteration whose data values include one is answered by that test case; its
 * {@code toString()} is the test case's name, so {@code #testCase} in a feature name reads well.
 */
@CompileStatic
@EqualsAndHashCode
final class MockConfigTestCase implements Serializable {

  /** The MockConfigFile: a classpath resource or a file. */
  final String file

  /** The state machine of the file the test case belongs to. */
  final String stateMachine

  /** The test case's name. */
  final String name

  /** A test case of {@code file}; {@code stateMachine} may be null when the file has only one. */
  MockConfigTestCase(String file, String stateMachine, String name) {
    this.file = Objects.requireNonNull(file, 'file')
    this.stateMachine = stateMachine
    this.name = Objects.requireNonNull(name, 'name')
  }

  @Override
  String toString() {
    name
  }
}
