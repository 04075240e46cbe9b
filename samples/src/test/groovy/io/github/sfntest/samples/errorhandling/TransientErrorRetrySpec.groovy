package io.github.sfntest.samples.errorhandling

import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.teststate.InspectionLevel
import io.github.sfntest.teststate.TestStateStatus
import spock.lang.Specification

/**
 * The Retry/Catch configuration of "Generate random response" as a table of error, retries so far,
 * and what the state does next: retry after a backoff, or hand the error to the catcher.
 */
@StateMachineTest(definition = 'error-handling-retry-catch/retry-with-exponential-backoff.asl.json',
    substitutions = ['generateRandomResponsesLambda=arn:aws:lambda:us-east-1:123456789012:function:GenerateRandomResponses'])
class TransientErrorRetrySpec extends Specification {

  StateMachineUnderTest retryWithBackoff

  def "#error after #retries retries: #outcome"() {
    when:
    def result = retryWithBackoff.testState('Generate random response') {
      it.mockError(error, 'boom').retrierRetryCount(retries).inspectionLevel(InspectionLevel.DEBUG)
    }

    then:
    result.status() == outcome
    result.inspection().errorDetails().map { it.get('retryBackoffIntervalSeconds')?.asLong() }.orElse(null) == backoff
    result.nextState().orElse(null) == next

    where:
    error                              | retries || outcome                      | backoff | next
    'Lambda.TooManyRequestsException'  | 0       || TestStateStatus.RETRIABLE    | 2       | null
    'Lambda.ServiceException'          | 3       || TestStateStatus.RETRIABLE    | 16      | null
    'InternalServerError'              | 6       || TestStateStatus.CAUGHT_ERROR | null    | 'Fail'
    'States.Timeout'                   | 0       || TestStateStatus.CAUGHT_ERROR | null    | 'Fail'
  }
}
