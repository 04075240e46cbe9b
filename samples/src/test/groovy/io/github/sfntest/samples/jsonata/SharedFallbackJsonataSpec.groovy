package io.github.sfntest.samples.jsonata

import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED

import io.github.sfntest.definition.InvalidDefinitionException
import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.samples.support.Timeline
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * jsonata-shared-fallback/README.md: three Lambda steps in a JSONata state machine share one
 * fallback; the catcher's Output ({% $states.context.State.Name %}) tells it which step failed.
 * Retries use FULL jitter, so the spec asserts the bounds of the random back-off.
 */
@StateMachineTest(definition = 'jsonata-shared-fallback/shared-fallback-jsonata.corrected.asl.json', name = 'SharedFallback',
    substitutions = ['FirstLambdaArn=arn:aws:lambda:us-east-1:123456789012:function:First',
        'SecondLambdaArn=arn:aws:lambda:us-east-1:123456789012:function:Second',
        'ThirdLambdaArn=arn:aws:lambda:us-east-1:123456789012:function:Third'])
class SharedFallbackJsonataSpec extends Specification {

  static final List<String> STEPS = ['First', 'Second', 'Third']

  StateMachineUnderTest sharedFallback
  MockedResponses mocks

  static Map ok(String which) { [statusCode: 200, body: "$which Lambda executed successfully".toString()] }

  def setup() {
    STEPS.each { mocks.onLambda(it).willReturn(ok(it)) }
  }

  def "when #failing fails with #error, the shared fallback is told '#failedState'"() {
    given:
    mocks.onLambda(failing).willThrow(error, /{"errorMessage": "oops", "errorType": "$error"}/)

    when:
    def result = sharedFallback.run(orderId: 7)

    then: 'the catcher caught it (not a Lambda service error: no retry) and named the state'
    result.status == SUCCEEDED
    result.output == [FailedStateName: failedState]
    result.visitedStates == STEPS.take(STEPS.indexOf(failing) + 1).collect { "${it}LambdaState".toString() } + 'FallbackState'
    mocks.invocations(failedState).size() == 1

    and: 'the steps after it never ran'
    STEPS.drop(STEPS.indexOf(failing) + 1).every { mocks.invocations("${it}LambdaState".toString()).empty }

    where:
    failing  | error         || failedState
    'First'  | 'ValueError'  || 'FirstLambdaState'
    'Second' | 'KeyError'    || 'SecondLambdaState'
    'Third'  | 'NameError'   || 'ThirdLambdaState'     // the upstream run: an undefined variable
  }

  def "Output/Arguments hand each function's payload to the next; the last payload is the output"() {
    when:
    def result = sharedFallback.run(orderId: 7)

    then:
    result.status == SUCCEEDED
    !('FallbackState' in result.visitedStates)
    mocks.invocations('FirstLambdaState').first().payload == [orderId: 7]
    mocks.invocations('SecondLambdaState').first().payload == ok('First')
    mocks.invocations('ThirdLambdaState').first().payload == ok('Second')
    result.output == ok('Third')
  }

  def "#throttles throttled call(s) to Second: #outcome, each wait within its full-jitter bound"() {
    given:
    mocks.onLambda('Second').willThrow('Lambda.TooManyRequestsException', 'Rate exceeded').times(throttles).thenReturn(ok('Second'))

    when:
    def result = sharedFallback.run()

    then:
    result.status == SUCCEEDED
    result.output == output
    def gaps = Timeline.gaps(result, 'SecondLambdaState', TASK_SCHEDULED)
    gaps.size() == bounds.size()
    [gaps, bounds].transpose().every { Duration gap, int max -> !gap.negative && gap <= Duration.ofSeconds(max) }

    where:
    throttles || outcome                                  | bounds    | output
    1         || 'retried once'                           | [1]       | ok('Third')
    2         || 'retried twice'                          | [1, 2]    | ok('Third')
    3         || 'retried three times'                    | [1, 2, 4] | ok('Third')
    4         || 'MaxAttempts 3 exhausted, fallback'      | [1, 2, 4] | [FailedStateName: 'SecondLambdaState']
  }

  def "the file as published is rejected: QueryLanguage inside States is not a state"() {
    when:
    StateMachineDefinition.fromClasspath('jsonata-shared-fallback/shared-fallback-jsonata.as-found.asl.json')

    then:
    def invalid = thrown(InvalidDefinitionException)
    invalid.diagnostics().findAll { it.isError() }.any { it.pointer().startsWith('/States/QueryLanguage') }
  }
}
