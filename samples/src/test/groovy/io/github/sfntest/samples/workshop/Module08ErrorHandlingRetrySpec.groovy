package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 8 (retry): how many CustomErrors the Retry (1 s, 2 attempts, x2) absorbs. */
@StateMachineTest(definition = 'step-functions-workshop/module08-error-handling-retry.solution.asl.json',
    name = 'WorkshopRetrySpock')
class Module08ErrorHandlingRetrySpec extends Specification {

  StateMachineUnderTest workflow
  MockedResponses mocks

  def "#error thrown #failures times: #status after #attempts attempts and #seconds s"() {
    given:
    mocks.onLambda('FailFunction').willAnswer { call ->
      call.invocationIndex() < failures ? TaskOutcome.failure(error, 'boom') : [ok: true]
    }

    when:
    def result = workflow.run('{}')

    then:
    result.status == status
    mocks.invocations('StartExecution').size() == attempts
    result.elapsed() == Duration.ofSeconds(seconds)

    where:
    error            | failures || status    | attempts | seconds
    'CustomError'    | 0        || SUCCEEDED | 1        | 0
    'CustomError'    | 1        || SUCCEEDED | 2        | 1
    'CustomError'    | 2        || SUCCEEDED | 3        | 3
    'CustomError'    | 3        || FAILED    | 3        | 3   // the workshop's function: retries exhausted
    'Lambda.Unknown' | 1        || FAILED    | 1        | 0   // never tested upstream: not retried
  }
}
