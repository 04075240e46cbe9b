package io.github.sfntest.samples.semaphore

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The DynamoDB semaphore of concurrency-semaphore-dynamodb/README.md, with the lock item in a
 * {@link SemaphoreTable}: the limit is five, the other holders are given per row.
 */
@StateMachineTest(definition = 'concurrency-semaphore-dynamodb/dynamodb-semaphore.asl.json', name = 'DynamoDbSemaphoreSpock',
    substitutions = ['TableSemaphore=LocksTable', 'LockName=MySemaphore', 'ConcurrentAccessLimit=5',
        'LambdaDoWorkFunction=arn:aws:lambda:us-east-1:123456789012:function:DoWork'])
class DynamoDbSemaphoreSpec extends Specification {

  StateMachineUnderTest semaphore
  MockedResponses mocks

  def setup() {
    mocks.onLambda('DoWork').willReturn([done: true])
  }

  def "#holders other holders, one frees a slot after #freedAfter attempts: lock after #seconds s, #failures failed attempts"() {
    given:
    def table = new SemaphoreTable(5).withHolders(*(1..holders).collect { "exec-$it".toString() })
        .releaseAHolderAfterAttempts(freedAfter)
    table.answer(mocks)

    when:
    def result = semaphore.run('{}')

    then:
    result.status == SUCCEEDED
    result.elapsed() == Duration.ofSeconds(seconds)
    result.history.ofType(TASK_FAILED).size() == failures
    result.history.stateVisits.count { it.name == 'Wait to Get Lock' } == waits
    table.count() == holders - (freedAfter > 0 ? 1 : 0)

    where: 'retries at 1, 2, 4, 8, 16, 32 s; then the record, a 3 s wait and a new round'
    holders | freedAfter || seconds | failures | waits
    4       | -1         || 0       | 0        | 0      // a slot is free
    5       | 1          || 0       | 0        | 0      // freed before the first attempt
    5       | 3          || 3       | 2        | 0      // during the retries
    5       | 8          || 66      | 7        | 1      // at the first attempt of round two
    5       | 15         || 132     | 14       | 2      // at the first attempt of round three
  }

  def "#scenario: acquired through #through"() {
    given:
    table.answer(mocks)

    when:
    def result = semaphore.run('{}')

    then:
    result.status == SUCCEEDED
    through in result.visitedStates
    result.visitedStates.last() == 'Success State'
    table.count() == 0

    where:
    scenario                                   | table                                                      || through
    'the first run ever, no lock item yet'     | new SemaphoreTable(5)                                      || 'Initialize Lock Item'
    'the acquire was written, its answer lost' | new SemaphoreTable(5).loseNextAcquireResponse().withHolders() || 'Continue Because Lock Was Already Acquired'
  }

  def "never tested upstream: failed work leaks the lock (no Catch around Do Work)"() {
    given:
    def table = new SemaphoreTable(5).withHolders()
    table.answer(mocks)
    mocks.onLambda('DoWork').willThrow('Lambda.Unknown', 'The function timed out')

    when:
    def result = semaphore.run('{}')

    then:
    result.status == FAILED
    result.error().get() == 'Lambda.Unknown'
    !('Release Lock' in result.visitedStates)
    table.isHeldBy(result.executionArn())
  }
}
