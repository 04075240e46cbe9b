package io.github.sfntest.samples.localtesting

import static io.github.sfntest.assertions.SfnAssertions.assertThat
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
 * aws-samples "app-local-testing-mock-config" (see local-testing-mock-config/README.md): a CRM sales
 * lead is validated (identity and address in parallel), sentiment-analysed with Comprehend, then
 * stored for follow-up or reported. The upstream MockConfigFile is used unchanged; each of its
 * test cases is one iteration of a data table.
 */
@StateMachineTest(
    definition = 'local-testing-mock-config/local_testing.asl.json',
    name = 'LocalTesting',
    substitutions = [
        'CheckIdentityFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:CheckIdentity',
        'CheckAddressFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:CheckAddress',
        'FollowUpTableName=FollowUpTable'])
@MockConfig(file = 'local-testing-mock-config/MockConfigFile.json')
class SalesLeadMockConfigSpec extends Specification {

  static final String LEAD = 'local-testing-mock-config/events/sfn_valid_input.json'

  StateMachineUnderTest salesLead
  MockedResponses mocks

  @MockConfig(testCase = '#testCase')
  def "#testCase: #scenario"() {
    when:
    def result = salesLead.runWithInputFrom(LEAD)

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == endState
    mocks.invocations('Check Identity').size() == identityCalls
    mocks.invocations('DetectSentiment').size() == sentimentCalls
    result.elapsed() == Duration.ofSeconds(seconds)

    where:
    testCase                          | scenario                                      || endState                    | identityCalls | sentimentCalls | seconds
    'HappyPathTest'                   | 'a positive lead is stored for follow-up'     || 'CustomerAddedToFollowup'   | 1             | 1              | 0
    'NegativeSentimentTest'           | 'a negative lead is reported, not stored'     || 'NegativeSentimentDetected' | 1             | 1              | 0
    'CustomValidationFailedCatchTest' | 'a rejected identity is retried, then caught' || 'CustomValidationFailed'    | 4             | 0              | 3
    'ValidationExceptionCatchTest'    | 'an address error is caught at once'          || 'ValidationException'       | 1             | 0              | 0
    'RetryOnServiceExceptionTest'     | 'Comprehend is retried until it answers'      || 'CustomerAddedToFollowup'   | 1             | 4              | 3
  }

  def "every test case of the unchanged file runs to a success state: #testCase"() {
    expect:
    salesLead.runWithInputFrom(LEAD).status == SUCCEEDED

    where:
    testCase << MockConfigTestCases.of('local-testing-mock-config/MockConfigFile.json')
  }

  @MockConfig(testCase = 'HappyPathTest')
  def "a positive lead is stored by e-mail and announced on the event bus"() {
    when:
    def result = salesLead.runWithInputFrom(LEAD)

    then: 'the mocked putEvents result is the output'
    result.output == [StatusCode: 200, Payload: [statusCode: 200]]
    result.visitedStates.containsAll(['Check Identity', 'Check Address'])
    !('NegativeSentimentDetected' in result.visitedStates)

    and: 'each validator got its slice of the lead'
    mocks.invocations('Check Identity').first().payload == [email: 'jdoe@example.com', ssn: '123-45-6789']
    mocks.invocations('Check Address').first().payload.zip == '43219'

    and: 'DynamoDB is keyed by the lead e-mail'
    mocks.invocations('Add to FollowUp').first().args == [TableName: 'FollowUpTable', Item: [PK: [S: 'jdoe@example.com']]]
  }

  @MockConfig(testCase = 'CustomValidationFailedCatchTest')
  def "a rejected identity is retried three times, 1 s apart, then the Parallel state's catcher reports it"() {
    when:
    def result = salesLead.runWithInputFrom(LEAD)

    then:
    assertThat(result).succeeded()
        .visitedInOrder('Validation', 'CustomValidationFailed')
        .didNotVisit('DetectSentiment', 'ValidationException')
        .took(Duration.ofSeconds(3))
    assertThat(result).state('Check Identity').wasRetried(3)
        .failedWith('CustomValidationError', 'Check Identity Validation Failed')
    assertThat(result).state('Validation').failedWith('CustomValidationError').wasCaughtBy('CustomValidationFailed')

    and: 'the error object is the catcher\'s whole input'
    with(result.history.visitsOf('CustomValidationFailed').first().input) {
      get('Error').asText() == 'CustomValidationError'
      get('Cause').asText() == 'Check Identity Validation Failed'
    }
  }

  @MockConfig(testCase = 'RetryOnServiceExceptionTest')
  def "Comprehend's outage is absorbed by three retries on the virtual clock"() {
    when:
    def result = salesLead.runWithInputFrom(LEAD)

    then:
    def visit = result.history.visitsOf('DetectSentiment').first()
    visit.retries == 3
    result.history.forState('DetectSentiment').events*.type.findAll { it in [TASK_FAILED, TASK_SUCCEEDED] } ==
        [TASK_FAILED, TASK_FAILED, TASK_FAILED, TASK_SUCCEEDED]
    result.history.forState('DetectSentiment').events.findAll { it.type == TASK_FAILED }
        .every { it.error.contains('InternalServerException') }
  }

  @MockConfig(testCase = 'RetryOnServiceExceptionTest')
  def "when Comprehend never recovers, the uncaught error fails the execution after 1 + 3 attempts"() {
    given:
    mocks.onState('DetectSentiment').willThrow('InternalServerException', 'Comprehend is down')

    when:
    def result = salesLead.runWithInputFrom(LEAD)

    then:
    result.status == FAILED
    result.error == 'InternalServerException'
    result.cause == 'Comprehend is down'
    result.visitedStates.last() == 'DetectSentiment'
    result.elapsed() == Duration.ofSeconds(3)
    mocks.invocations('DetectSentiment').size() == 4
    mocks.invocations('Add to FollowUp').empty
  }

  @MockConfig(testCase = 'HappyPathTest')
  def "a closure answering Comprehend from the comment decides the branch: #comment"() {
    given:
    mocks.onState('DetectSentiment').willAnswer { call ->
      [Sentiment: call.args.Text.contains('glad') ? 'POSITIVE' : 'NEGATIVE']
    }
    // lenient: only the negative comments reach it
    mocks.onState('NegativeSentimentDetected').willReturn([:]).lenient()

    when:
    def result = salesLead.run(data: [
        firstname: 'Jane', lastname: 'Doe',
        identity: [email: 'jdoe@example.com', ssn: '123-45-6789'],
        address: [street: '123 Main St', city: 'Columbus', state: 'OH', zip: '43219'],
        comments: comment])

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == endState

    where:
    comment                         || endState
    'I am glad to sign-up.'         || 'CustomerAddedToFollowup'
    'Nobody called me back, again.' || 'NegativeSentimentDetected'
  }

  def "without a test case the first task is not mocked: the execution fails and says how to mock it"() {
    given: 'strict mocks would fail the feature: it declares that it runs without a mock on purpose'
    mocks.expectUnmockedTasks()

    when:
    def result = salesLead.runWithInputFrom(LEAD)

    then:
    result.status == FAILED
    result.error == 'States.Runtime'
    result.cause.contains('To mock it: mocks.onState(')
  }
}
