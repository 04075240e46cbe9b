package io.github.sfntest.samples.circuitbreaker

import static io.github.sfntest.assertions.SfnAssertions.assertThat

import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.teststate.TestStateStatus
import spock.lang.Specification

/**
 * The circuit breaker's Choice as a table: each circuit status and where "Is Circuit Closed" sends
 * it, without running the Lambdas around it (AWS's TestState, offline).
 */
@StateMachineTest(definition = 'circuit-breaker-dynamodb/circuitbreaker.asl.json', name = 'CircuitBreaker',
    substitutions = [
        'GetCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetCircuitStatus',
        'UpdateCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:UpdateCircuitStatus',
        'DDBTable=CircuitStatus', 'DDBPutItem=arn:aws:states:::dynamodb:putItem'])
class CircuitStatusChoiceSpec extends Specification {

  StateMachineUnderTest circuitBreaker

  def "circuit status #status goes to #next"() {
    when:
    def result = circuitBreaker.testState('Is Circuit Closed', """{"CircuitStatus": "$status"}""")

    then:
    result.status() == outcome
    result.nextState().orElse(null) == next
    result.error().orElse(null) == error

    where:
    status      || outcome                   | next             | error
    'OPEN'      || TestStateStatus.SUCCEEDED | 'Circuit Open'   | null
    ''          || TestStateStatus.SUCCEEDED | 'Execute Lambda' | null
    'HALF_OPEN' || TestStateStatus.FAILED    | null             | 'States.NoChoiceMatched'
  }

  def "the Choice passes its input on unchanged"() {
    expect:
    assertThat(circuitBreaker.testState('Is Circuit Closed', '{"CircuitStatus": "OPEN", "TargetLambda": "Hello"}'))
        .hasOutput('{"CircuitStatus": "OPEN", "TargetLambda": "Hello"}')
  }
}
