package io.github.sfntest.spock.samples

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
  def "#testCase ends in #endState"() {
    when:
    def result = salesLead.runWithInputFrom(INPUT)

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == endState
    mocks.invocations('Check Identity').size() == identityCalls

    where:
    testCase                          | endState                    | identityCalls
    'HappyPathTest'                   | 'CustomerAddedToFollowup'   | 1
    'NegativeSentimentTest'           | 'NegativeSentimentDetected' | 1
    'CustomValidationFailedCatchTest' | 'CustomValidationFailed'    | 4
    'ValidationExceptionCatchTest'    | 'ValidationException'       | 1
    'RetryOnServiceExceptionTest'     | 'CustomerAddedToFollowup'   | 1
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
    visit.duration >= Duration.ofSeconds(3)
    result.history.forState('DetectSentiment').events*.type.findAll { it in [TASK_FAILED, TASK_SUCCEEDED] } ==
        [TASK_FAILED, TASK_FAILED, TASK_FAILED, TASK_SUCCEEDED]
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
