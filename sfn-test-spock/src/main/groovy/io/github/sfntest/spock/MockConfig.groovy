package io.github.sfntest.spock

import java.lang.annotation.Documented
import java.lang.annotation.ElementType
import java.lang.annotation.Inherited
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

/**
 * Answers the tasks of a feature with a test case of an AWS Step Functions Local MockConfigFile,
 * read exactly as Step Functions Local reads it. On the spec it applies to every feature; on a
 * feature it overrides the spec's (an empty attribute takes the spec's value).
 *
 * <pre>
 * &#64;StateMachineTest(definition = 'local_testing.asl.json', name = 'LocalTesting')
 * &#64;MockConfig(file = 'MockConfigFile.json')
 * class SalesLeadSpec extends Specification {
 *   StateMachineUnderTest salesLead
 *
 *   &#64;MockConfig(testCase = 'HappyPathTest')
 *   def "happy path"() { ... }
 *
 *   &#64;MockConfig(testCase = '#testCase')        // the data variable testCase names the test case
 *   def "#testCase ends in #end"() {
 *     expect:
 *     salesLead.run(INPUT).visitedStates.last() == end
 *
 *     where:
 *     testCase                | end
 *     'HappyPathTest'         | 'CustomerAddedToFollowup'
 *     'NegativeSentimentTest' | 'NegativeSentimentDetected'
 *   }
 * }
 * </pre>
 *
 * <p>A data value made by {@link MockConfigTestCases#of} selects its test case by itself, with no
 * annotation. Mocks written in the feature answer first, so a feature can override single states
 * of a test case; the mocks record every invocation either way. The file's state machine is
 * {@link #stateMachine()}, else the one named like a declared state machine, else the file's only
 * one. An unknown file, state machine or test case fails the feature with a message listing the
 * known names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target([ElementType.TYPE, ElementType.METHOD])
@Documented
@Inherited
@interface MockConfig {

  /** The MockConfigFile: a classpath resource or a file. */
  String file() default ''

  /**
   * The test case; may be left out on the spec and given per feature. {@code '#name'} takes it
   * from the data variable {@code name} of each iteration.
   */
  String testCase() default ''

  /** The state machine of the file (see above for the default). */
  String stateMachine() default ''
}
