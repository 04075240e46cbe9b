package io.github.sfntest.samples.semaphore

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The semaphore's load driver with its child task mocked: how its two retriers and its catcher
 * treat what a child start can report.
 */
@StateMachineTest(definition = 'concurrency-semaphore-dynamodb/test-run-semaphore.asl.json', name = 'TestRunSemaphoreSpock',
    substitutions = ['StateMachineSemaphore=arn:aws:states:us-east-1:123456789012:stateMachine:DynamoDbSemaphore'])
class TestRunSemaphoreSpec extends Specification {

  StateMachineUnderTest testRun
  MockedResponses mocks

  def "each child start failing #failures times with #error: #status after #seconds s"() {
    given:
    // per iteration: the engine counts this state's invocations in the whole execution, so use the retry count
    mocks.onState('RunChildStateMachine').willAnswer { call ->
      call.retryCount() < failures ? TaskOutcome.failure(error, 'x') : [Output: [:]]
    }

    when:
    def result = testRun.run('{}')

    then:
    result.status == status
    result.elapsed() == Duration.ofSeconds(seconds)
    status == FAILED ? result.error == finalError : result.output == ['Done'] * 100

    where: 'retries: ExecutionAlreadyExists once; anything else 12 times, 1 s x2. The catcher (States.TaskFailed: every error but States.Timeout) cannot write its ResultPath into a number item: States.Runtime'
    error                                           | failures || status    | seconds | finalError
    'StepFunctions.ExecutionAlreadyExistsException' | 0        || SUCCEEDED | 0       | null
    'StepFunctions.ExecutionAlreadyExistsException' | 1        || SUCCEEDED | 1       | null
    'StepFunctions.ExecutionAlreadyExistsException' | 2        || FAILED    | 1       | 'States.Runtime'
    'States.TaskFailed'                             | 3        || SUCCEEDED | 7       | null
    'StepFunctions.ExecutionLimitExceeded'          | 12       || SUCCEEDED | 4095    | null
    'States.TaskFailed'                             | 13       || FAILED    | 4095    | 'States.Runtime'
    'States.Timeout'                                | 13       || FAILED    | 4095    | 'States.Timeout'
  }
}
