package io.github.sfntest.samples.jsonata

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.MAP_STATE_EXITED

import io.github.sfntest.definition.InvalidDefinitionException
import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/**
 * The variables part of jsonata-shared-fallback/README.md (order-variables-jsonata.derived.asl.json,
 * DERIVED by sfn-test): $order is assigned from the first task's result and read by later states
 * and, from the outer scope, by every Map iteration; $total is assigned from the Map's result; the
 * catchers assign $failedState and $error for the shared Fail state.
 */
@StateMachineTest(definition = 'jsonata-shared-fallback/order-variables-jsonata.derived.asl.json', name = 'OrderVariables',
    substitutions = ['LoadOrderArn=arn:aws:lambda:us-east-1:123456789012:function:LoadOrder',
        'ChargeArn=arn:aws:lambda:us-east-1:123456789012:function:Charge'])
class OrderVariablesJsonataSpec extends Specification {

  StateMachineUnderTest orders
  MockedResponses mocks

  def setup() {
    mocks.onLambda('Charge').willAnswer { call -> [receipt: "r-${call.payload.amount}".toString()] }
  }

  def "#items at #unitPrice each: the iterations price #lineTotals, \$total is #total and is charged"() {
    given:
    mocks.onLambda('LoadOrder').willReturn([id: 'o-7', unitPrice: unitPrice, items: items])

    when:
    def result = orders.run(orderId: 'o-7')

    then: 'the Map iterations read $order from the outer scope'
    result.status == SUCCEEDED
    result.history.visitsOf('Price')*.output()*.get()*.get('total')*.asInt() == lineTotals

    and: 'Charge reads $order and $total; its Output builds the result from them'
    mocks.invocations('Charge').first().payload == [orderId: 'o-7', amount: total]
    result.output == [orderId: 'o-7', charged: total, receipt: "r-$total".toString()]

    and: 'AWS records what the Map assigned on its MapStateExited event, as JSON text'
    result.history.ofType(MAP_STATE_EXITED).first().details().get().at('/assignedVariables/total').asText() == "$total"

    where:
    items                                    | unitPrice || lineTotals | total
    [[sku: 'A', qty: 2], [sku: 'B', qty: 1]] | 5         || [10, 5]    | 15
    [[sku: 'A', qty: 3]]                     | 7         || [21]       | 21
    [[sku: 'A', qty: 1], [sku: 'B', qty: 1], [sku: 'C', qty: 4]] | 2 || [2, 2, 8] | 12
  }

  def "the variables each state assigned are in its history"() {
    given:
    mocks.onLambda('LoadOrder').willReturn([id: 'o-7', unitPrice: 5, items: [[sku: 'A', qty: 2]]])

    when:
    def result = orders.run(orderId: 'o-7')

    then:
    assertThat(result).state('LoadOrder').assigned('order', '{"id": "o-7", "unitPrice": 5, "items": [{"sku": "A", "qty": 2}]}')
    assertThat(result).state('PriceItems').assigned('total', '10')
  }

  def "when #failing fails with #error, the catcher's variables name it in the Fail state"() {
    given:
    mocks.onLambda('LoadOrder').willReturn([id: 'o-7', unitPrice: 5, items: [[sku: 'A', qty: 2]]])
    mocks.onLambda(failing).willThrow(error, '{"errorMessage": "no"}')

    when:
    def result = orders.run(orderId: 'o-7')

    then:
    result.status == FAILED
    result.error == "OrderFailed.$failedState".toString()
    result.cause == error
    result.visitedStates.takeRight(2) == [failedState, 'FallbackState']
    assertThat(result).state(failedState).wasCaughtBy('FallbackState')
        .assigned('failedState', "\"$failedState\"").assigned('error', "\"$error\"")

    where:
    failing     | error             || failedState
    'LoadOrder' | 'OrderNotFound'   || 'LoadOrder'
    'Charge'    | 'PaymentDeclined' || 'Charge'
  }

  def "an iteration may read but not assign an outer variable: AWS refuses the edited definition"() {
    given:
    def edited = StateMachineDefinition.fromClasspath('jsonata-shared-fallback/order-variables-jsonata.derived.asl.json')
        .sourceText()
        .replace('''"Output": "{% {'sku': $states.input.sku, 'total': $states.input.qty * $order.unitPrice} %}",''',
            '"Assign": {"order": "{% $states.input %}"},')

    when:
    StateMachineDefinition.of('Edited', edited)

    then:
    def invalid = thrown(InvalidDefinitionException)
    invalid.message.contains('/States/PriceItems/ItemProcessor/States/Price/Assign/order')
    invalid.message.contains('Variable "order" is assigned in an enclosing scope (/States/LoadOrder/Assign/order)')
  }
}
