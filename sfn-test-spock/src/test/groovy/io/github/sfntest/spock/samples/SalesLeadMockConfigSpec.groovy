package io.github.sfntest.spock.samples

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED
import static io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.MockConfig
import io.github.sfntest.spock.MockConfigTestCases
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The five test cases of aws-samples' app-local-testing-mock-config (local-testing/SOURCE.md) as one
 * data-driven feature: each row is an iteration answered by its MockConfigFile test case and
 * reported on its own.
 */
@StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
@MockConfig(file = 'local-testing/MockConfigFile.json')
class SalesLeadMockConfigSpec extends Specification {

  static final String INPUT = 'local-testing/sfn_valid_input.json'

  StateMachineUnderTest salesLead
  MockedResponses mocks

  @MockConfig(testCase = '#testCase')
  def "#testCase: #scenario"() {
    when:
    def result = salesLead.runWithInputFrom(INPUT)

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == endState
    mocks.invocations('Check Identity').size() == identityCalls
    result.elapsed() == Duration.ofSeconds(seconds)

    where:
    testCase                          | scenario                                    || endState                    | identityCalls | seconds
    'HappyPathTest'                   | 'a positive lead is stored for follow-up'   || 'CustomerAddedToFollowup'   | 1             | 0
    'NegativeSentimentTest'           | 'a negative lead is reported'               || 'NegativeSentimentDetected' | 1             | 0
    'CustomValidationFailedCatchTest' | 'a rejected identity is retried, then caught' || 'CustomValidationFailed'  | 4             | 3
    'ValidationExceptionCatchTest'    | 'an address error is caught at once'        || 'ValidationException'       | 1             | 0
    'RetryOnServiceExceptionTest'     | 'Comprehend is retried until it answers'    || 'CustomerAddedToFollowup'   | 1             | 3
  }

  def "every test case of the file runs to a success state: #testCase"() {
    expect:
    salesLead.runWithInputFrom(INPUT).status == SUCCEEDED

    where:
    testCase << MockConfigTestCases.of('local-testing/MockConfigFile.json')
  }

  @MockConfig(testCase = 'RetryOnServiceExceptionTest')
  def "DetectSentiment is retried three times in virtual time"() {
    when:
    def result = salesLead.runWithInputFrom(INPUT)

    then:
    def visit = result.history.visitsOf('DetectSentiment').first()
    visit.retries == 3
    visit.attemptErrors == ['InternalServerException'] * 3
    visit.duration >= Duration.ofSeconds(3)
    result.history.forState('DetectSentiment').events*.type.findAll { it in [TASK_FAILED, TASK_SUCCEEDED] } ==
        [TASK_FAILED, TASK_FAILED, TASK_FAILED, TASK_SUCCEEDED]
  }

  @MockConfig(testCase = 'HappyPathTest')
  def "an exception thrown by a mock closure fails the task like a Lambda error; the catch-all catcher reports it"() {
    given:
    mocks.onState('Check Address').willAnswer { call -> throw new IllegalStateException("no such street: ${call.payload.street}") }
    mocks.onState('ValidationException').willReturn([:])    // HappyPathTest does not mock the reporting task

    when:
    def result = salesLead.runWithInputFrom(INPUT)

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == 'ValidationException'
    with(result.history.visitsOf('ValidationException').first().input) {
      get('Error').asText() == 'java.lang.IllegalStateException'
      get('Cause').asText().contains('no such street: 123 Main St')
    }
  }

  def "without a test case the first task is not mocked: the execution fails and says how to mock it"() {
    given: 'strict mocks would fail the feature: it declares that it runs without a mock on purpose'
    mocks.expectUnmockedTasks()

    when:
    def result = salesLead.runWithInputFrom(INPUT)

    then:
    result.status == FAILED
    result.error == 'States.Runtime'
    result.cause.contains("No mock answers Task state 'Check")
    result.cause.contains('To mock it: mocks.onState(')
  }

  @MockConfig(testCase = 'HappyPathTest')
  def "a closure overrides one state of a test case"() {
    given:
    mocks.onState('DetectSentiment').willAnswer { call -> [Sentiment: call.args.Text ? 'NEGATIVE' : 'POSITIVE'] }
    mocks.onState('NegativeSentimentDetected').willReturn([:])

    when:
    def result = salesLead.runWithInputFrom(INPUT)

    then:
    result.visitedStates.last() == 'NegativeSentimentDetected'
    !('Add to FollowUp' in result.visitedStates)
  }
}
