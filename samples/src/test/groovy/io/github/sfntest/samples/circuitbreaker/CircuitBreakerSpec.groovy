package io.github.sfntest.samples.circuitbreaker

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.samples.support.Timeline
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import java.time.Instant
import spock.lang.Specification

/**
 * The circuit breaker of circuit-breaker-dynamodb/README.md: a DynamoDB record says whether a
 * downstream Lambda's circuit is open; a closed circuit lets the call through (12 s timeout, three
 * retries 2 s, 3 s, 4.5 s apart), a service that keeps failing opens the circuit for 20 s. The two
 * circuit Lambdas are closures over an in-memory table that read the virtual time of each call.
 *
 * <p>The 15 s latency row asserts AWS's behaviour: the late result of a timed-out attempt is
 * discarded (before main's 60b44bf it completed the retry and the execution succeeded).
 */
@StateMachineTest(definition = 'circuit-breaker-dynamodb/circuitbreaker.asl.json', name = 'CircuitBreaker',
    substitutions = [
        'GetCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetCircuitStatus',
        'UpdateCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:UpdateCircuitStatus',
        'DDBTable=CircuitStatus', 'DDBPutItem=arn:aws:states:::dynamodb:putItem'],
    startTime = '2024-01-01T00:00:00Z')
class CircuitBreakerSpec extends Specification {

  static final Instant T0 = Instant.parse('2024-01-01T00:00:00Z')
  static final String HELLO = 'circuit-breaker-stack-HelloWorldFunction-xxxxxxxxxxxx'
  static final String SLOW = 'circuit-breaker-stack-TestCircuitBreakerFunction-xxxxxxxxxxxx'
  /** 4 attempts of 12 s plus back-off 2 s, 3 s, 4.5 s (BackoffRate 1.5). */
  static final Duration ALL_ATTEMPTS_TIMED_OUT = Duration.ofMillis(4 * 12_000 + 2_000 + 3_000 + 4_500)

  StateMachineUnderTest circuitBreaker
  MockedResponses mocks

  /** The CircuitStatus table: service name -> when its OPEN record expires (TTL). */
  Map<String, Instant> openUntil = [:]

  def setup() {
    mocks.onLambda('GetCircuitStatus').willAnswer { call ->
      def until = openUntil[call.payload.TargetLambda]
      call.payload + [CircuitStatus: until != null && call.time().isBefore(until) ? 'OPEN' : '']
    }
    mocks.onLambda('UpdateCircuitStatus').willAnswer { call ->
      openUntil[call.payload.TargetLambda] = call.time().plusSeconds(20)
      call.payload
    }
  }

  def "a closed circuit lets the call through; the target comes from the input"() {
    given:
    mocks.onLambda(HELLO).willReturn([message: 'hello world'])

    when:
    def result = circuitBreaker.run(TargetLambda: HELLO)

    then:
    result.status == SUCCEEDED
    result.visitedStates == ['Get Circuit Status', 'Is Circuit Closed', 'Execute Lambda', 'Circuit Closed']
    result.output.Payload == [message: 'hello world']
    mocks.invocations('Execute Lambda')*.args == [[FunctionName: HELLO]]
    openUntil.isEmpty()
  }

  def "a service that #failure on every attempt is retried 3 times, then the circuit opens for 20 s"() {
    given:
    stub(mocks.onLambda(target))

    when:
    def result = circuitBreaker.run(TargetLambda: target)

    then: '"Circuit Open" is a Fail state without Error'
    result.status == FAILED
    result.error == null
    result.visitedStates == ['Get Circuit Status', 'Is Circuit Closed', 'Execute Lambda', 'Update Circuit Status', 'Circuit Open']
    result.elapsed() == elapsed
    Timeline.gaps(result, 'Execute Lambda', TASK_SCHEDULED) == gaps.collect { Duration.ofMillis(it) }
    result.history.forState('Execute Lambda').ofType(TASK_TIMED_OUT).size() == timeouts
    assertThat(result).state('Execute Lambda').wasRetried(3).failedWith(error).wasCaughtBy('Update Circuit Status')

    and: 'the catcher kept the input and put the error at $.taskresult'
    mocks.invocations('Update Circuit Status').first().payload.taskresult.Error == error

    and: 'the OPEN record expires 20 s after the circuit opened'
    openUntil == [(target): T0 + elapsed + Duration.ofSeconds(20)]

    where:
    failure                           | target | stub                                                                         || error            | timeouts | elapsed                        | gaps
    'throws'                          | HELLO  | { it.willThrow('Exception', '{"errorMessage": "boom"}') }                    || 'Exception'      | 0        | Duration.ofMillis(9_500)       | [2_000, 3_000, 4_500]
    'times out (as SFN Local mocks)'  | SLOW   | { it.willThrow('States.Timeout') }                                           || 'States.Timeout' | 4        | ALL_ATTEMPTS_TIMED_OUT         | [14_000, 15_000, 16_500]
    'takes 15 s (latency > 12 s)'     | SLOW   | { it.willReturn([message: 'too late']).withLatency(Duration.ofSeconds(15)) } || 'States.Timeout' | 4        | ALL_ATTEMPTS_TIMED_OUT         | [14_000, 15_000, 16_500]
  }

  def "the circuit record decides whether the service is called: #record"() {
    given:
    if (openFor != null) openUntil[HELLO] = T0 + Duration.ofSeconds(openFor)
    mocks.onLambda(HELLO).willReturn([message: 'hello again']).lenient() // an open circuit never calls it

    when:
    def result = circuitBreaker.run(TargetLambda: HELLO)

    then:
    result.status == status
    result.visitedStates.last() == endState
    mocks.invocations('Execute Lambda').size() == calls
    mocks.invocations('Update Circuit Status').empty
    result.elapsed() == Duration.ZERO

    where:
    record                       | openFor || status    | endState         | calls
    'no record'                  | null    || SUCCEEDED | 'Circuit Closed' | 1
    'open for 10 more seconds'   | 10      || FAILED    | 'Circuit Open'   | 0
    'expired a second ago'       | -1      || SUCCEEDED | 'Circuit Closed' | 1
  }

  def "once a failing service opened the circuit, the next execution fails fast without calling it"() {
    given:
    mocks.onLambda(HELLO).willThrow('Exception', 'boom')

    when:
    def first = circuitBreaker.run(TargetLambda: HELLO)
    def second = circuitBreaker.run(TargetLambda: HELLO)

    then:
    first.visitedStates.contains('Update Circuit Status')
    second.status == FAILED
    second.visitedStates == ['Get Circuit Status', 'Is Circuit Closed', 'Circuit Open']
    mocks.invocations('Execute Lambda').size() == 4    // all of them the first execution's
  }

  def "an unexpected circuit status matches no Choice rule and fails with States.NoChoiceMatched"() {
    given:
    mocks.onLambda('GetCircuitStatus').willReturn([TargetLambda: HELLO, CircuitStatus: 'HALF_OPEN'])

    when:
    def result = circuitBreaker.run(TargetLambda: HELLO)

    then:
    result.status == FAILED
    result.error == 'States.NoChoiceMatched'
    result.visitedStates.last() == 'Is Circuit Closed'
    mocks.invocations('Execute Lambda').empty
  }
}
