package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 8 (catch): which error lands in which fallback. */
@StateMachineTest(definition = 'step-functions-workshop/module08-error-handling-catch.asl.json', name = 'WorkshopCatchSpock')
class Module08ErrorHandlingCatchSpec extends Specification {

  StateMachineUnderTest workflow
  MockedResponses mocks

  def "#error is caught by #fallback"() {
    given:
    mocks.onLambda('FailureFunction').willAnswer { TaskOutcome.failure(error, 'boom') }

    when:
    def result = workflow.run('{}')

    then:
    result.status == SUCCEEDED
    result.visitedStates == ['StartExecution', fallback]

    where:
    error                     || fallback
    'CustomError'             || 'CustomErrorFallback'
    'States.Timeout'          || 'TimeoutFallback'
    'Lambda.Unknown'          || 'CatchAllFallback'
    'customerror'             || 'CatchAllFallback'    // error names are case-sensitive
  }

  def "a function of #seconds s against TimeoutSeconds 5 ends in #fallback"() {
    given:
    mocks.onLambda('FailureFunction').willReturn([ok: true]).withLatency(Duration.ofSeconds(seconds))

    when:
    def result = workflow.run('{}')

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == fallback

    where:
    seconds || fallback
    4       || 'StartExecution'
    10      || 'TimeoutFallback'
  }
}
