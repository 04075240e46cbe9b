package io.github.sfntest.samples.localtestingjava

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED
import static io.github.sfntest.history.HistoryEventType.TASK_STATE_EXITED
import static io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED

import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.MockConfig
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestResource
import java.time.Duration
import spock.lang.Specification

/**
 * AWS's {@code StepFunctionsLocalSpockSpec} ("demo-local-testing-using-java"), ported: the same
 * data table (execution name, test case, expected count) and every check of its feature, on the
 * unchanged definition and MockConfigFile variant. What it no longer needs: {@code @Stepwise} and
 * {@code @Shared} state (every iteration gets its own engine and mocks), the container, the
 * {@code Thread.sleep(2000)} before creating the state machine and the {@code timeout} column
 * (the 2 s / 4 s sleeps before reading the history).
 */
@StateMachineTest(definition = 'local-testing-java-junit-spock/local_testing.asl.json', name = 'LocalTesting')
@MockConfig(file = 'local-testing-java-junit-spock/MockConfigFile.json')
class SalesLeadSpockSpec extends Specification {

  static final String EVENT_FILE = 'local-testing-java-junit-spock/events/sfn_valid_input.json'

  StateMachineUnderTest salesLead
  MockedResponses mocks

  /**
   * Starts a named execution, as upstream. The names get a "-spock" suffix: on the sdk engine one
   * endpoint serves the whole test JVM, the JUnit port already used the upstream names, and Step
   * Functions refuses a second execution of the same name (ExecutionAlreadyExists).
   */
  ExecutionResult run(String executionName) {
    def input = TestResource.read(EVENT_FILE, 'the sales lead').text()
    salesLead.start(StartRequest.of(salesLead.definition(), input).withExecutionName("$executionName-spock")).awaitCompletion()
  }

  /** How many TaskStateExited events a state has in the history (the upstream count). */
  static int exits(ExecutionResult result, String state) {
    result.history.events.count { it.type == TASK_STATE_EXITED && it.stateName == state } as int
  }

  def "the state machine is ready under its MockConfigFile name (upstream: the container is running)"() {
    expect:
    salesLead.name() == 'LocalTesting'
    salesLead.definition().stateNames().first() == 'Validation'
  }

  @MockConfig(testCase = '#testCaseName')
  def "test #executionName scenario"() {
    when: 'the execution runs to its end; no sleep'
    def result = run(executionName)

    then: 'the execution was started under its name'
    result.executionArn.endsWith(":LocalTesting:$executionName-spock")

    and: 'history of events should not be empty'
    !result.history.events.empty

    and: 'the scenario\'s end state was exited exactly once, or the retries were exact'
    if (testCaseName == 'RetryOnServiceExceptionTest') {
      def results = result.history.events.findAll {
        (it.type == TASK_FAILED && it.error == 'InternalServerException') ||
            (it.type == TASK_SUCCEEDED && it.detail('resourceType').orElse('') == 'aws-sdk:comprehend'
                && it.detail('resource').orElse('') == 'detectSentiment')
      }
      assert results.size() == resultSize
      assert results[0..2]*.error.unique() == ['InternalServerException']
      assert results[-1].type == TASK_SUCCEEDED
    } else {
      assert exits(result, endState) == resultSize
    }

    and: 'beyond upstream: every scenario succeeds, in its own time on the virtual clock'
    result.status == SUCCEEDED
    result.visitedStates.last() == endState
    result.elapsed() == Duration.ofSeconds(virtualSeconds)

    where:
    executionName                  | testCaseName                      || resultSize | endState                    | virtualSeconds
    'happyPathExecution'           | 'HappyPathTest'                   || 1          | 'CustomerAddedToFollowup'   | 0
    'negativeSentimentExecution'   | 'NegativeSentimentTest'           || 1          | 'NegativeSentimentDetected' | 0
    'retryExecution'               | 'RetryOnServiceExceptionTest'     || 4          | 'CustomerAddedToFollowup'   | 3
    'validationExceptionExecution' | 'ValidationExceptionCatchTest'    || 1          | 'ValidationException'       | 0
    'customExceptionExecution'     | 'CustomValidationFailedCatchTest' || 1          | 'CustomValidationFailed'    | 3
  }

  @MockConfig(testCase = 'HappyPathTest')
  def "never tested upstream: a throttled follow-up table fails the execution, nobody is announced"() {
    given:
    mocks.onState('Add to FollowUp').willThrow('DynamoDB.ProvisionedThroughputExceededException', 'Rate exceeded')

    when:
    def result = run('throttledExecution')

    then: 'no Retry, no Catch: the first failure ends the execution'
    result.status == FAILED
    result.error == 'DynamoDB.ProvisionedThroughputExceededException'
    result.cause == 'Rate exceeded'
    result.visitedStates.last() == 'Add to FollowUp'
    result.history.forState('Add to FollowUp').ofType(TASK_FAILED).size() == 1
    exits(result, 'Add to FollowUp') == 0
    mocks.invocations('CustomerAddedToFollowup').empty
  }

  @MockConfig(testCase = 'ValidationExceptionCatchTest')
  def "never tested upstream: an address service outage exhausts 3 retries, then the catch-all reports it"() {
    given:
    mocks.onState('Check Address').willThrow('Lambda.ServiceException', 'Service unavailable')

    when:
    def result = run('addressOutageExecution')

    then:
    result.status == SUCCEEDED
    result.visitedStates == ['Validation', 'Check Identity', 'Check Address', 'ValidationException']
    result.elapsed() == Duration.ofSeconds(3)
    mocks.invocations('Check Address').size() == 4
    result.history.forState('Check Address').ofType(TASK_FAILED)*.error == ['Lambda.ServiceException'] * 4

    and: 'the error object is the catcher\'s whole input'
    with(result.history.visitsOf('ValidationException').first().input) {
      get('Error').asText() == 'Lambda.ServiceException'
      get('Cause').asText() == 'Service unavailable'
    }
  }
}
