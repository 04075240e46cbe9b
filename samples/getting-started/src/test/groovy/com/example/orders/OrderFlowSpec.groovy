package com.example.orders

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

// [first-spec]
@StateMachineTest(definition = 'statemachine/order-flow.asl.json',
    substitutions = 'ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:charge')
class OrderFlowSpec extends Specification {
  StateMachineUnderTest orderFlow   // injected, fresh for every iteration
  MockedResponses mocks

  def "a charge answered with #error ends #status"() {
    given:
    mocks.onState('ChargeCard').willThrow(error, 'from the test').thenReturn([Payload: [charged: true]])
    mocks.onState('NotifyCustomer').willReturn([MessageId: 'm-1']).lenient()   // the declined row never notifies

    when:
    def result = orderFlow.run(orderId: '42')

    then:
    result.status == status
    result.visitedStates == states

    where:
    error                              | status    | states
    'Lambda.TooManyRequestsException'  | SUCCEEDED | ['ChargeCard', 'NotifyCustomer']
    'CardDeclined'                     | FAILED    | ['ChargeCard', 'PaymentFailed']
  }
}
// [/first-spec]
