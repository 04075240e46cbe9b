package io.github.sfntest.samples.ordermanagement

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED

import io.github.sfntest.engine.Execution
import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.samples.support.Timeline
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestResource
import java.time.Duration
import spock.lang.Specification

/**
 * The order-shipping workflow of order-management-callback/README.md: validate the OrderCreated
 * event, check the customer for fraud, reserve every product in a Map (a product out of stock is
 * announced as delayed and tried again every 10 s), then hand the order to the warehouse over SQS
 * and wait up to 3 h for its callback. The Lambdas are closures with the functions' business rule;
 * the spec plays the warehouse.
 */
@StateMachineTest(definition = 'order-management-callback/ship-order.asl.json', name = 'ShipOrder',
    substitutions = [
        'LambdaGetCustomerStatus=arn:aws:lambda:us-east-1:123456789012:function:GetCustomerStatus',
        'LambdaReserveProduct=arn:aws:lambda:us-east-1:123456789012:function:ReserveProduct',
        'PackageAndShipQueue=https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip',
        'EventBusName=orders',
        'SnsNewOrderTopic=arn:aws:sns:us-east-1:123456789012:NewOrder'])
class ShipOrderSpec extends Specification {

  static final String ORDER = 'order-management-callback/events/example-multiproduct.event.json'
  static final String FRAUD_ORDER = 'order-management-callback/events/example-fraud.event.json'
  static final String SHIP = 'Initate Packaging and Shipping'   // sic, as upstream
  static final String TSHIRT = 'encrypt-everything-tshirt'
  static final String NINJA = 'ninja-disguise-tshirt'

  StateMachineUnderTest shipOrder
  MockedResponses mocks

  /** Reservation attempts per SKU, and for how many first attempts a SKU is out of stock. */
  Map<String, Integer> reserveCalls = [:].withDefault { 0 }
  Map<String, Integer> unavailableFor = [:].withDefault { 0 }

  def setup() {
    mocks.onLambda('GetCustomerStatus').willAnswer { call ->
      [status: call.payload.name.contains('fraud') ? 'fraudulent' : 'active']
    }
    mocks.onLambda('ReserveProduct').willAnswer { call ->
      String sku = call.payload.sku
      int attempt = ++reserveCalls[sku]
      [product_id        : call.payload.product_id, sku: sku,
       reservation_status: attempt <= unavailableFor[sku] ? 'temporarily-unavailable' : 'success']
    }
    mocks.onResource('arn:aws:states:::events:putEvents').willReturn(IntegrationResults.eventBridgePutEvents(1))
    mocks.onResource('arn:aws:states:::sns:publish').willReturn(IntegrationResults.snsPublish('new order'))
    mocks.onState(SHIP).willWaitForCallback(IntegrationResults.sqsSendMessage('order'))
  }

  Execution start(String eventFile = ORDER) {
    shipOrder.start(TestResource.read(eventFile, 'order event').text())
  }

  def "an order in stock is reserved, queued for the warehouse with the task token and shipped"() {
    given:
    def execution = start()

    when:
    def shipping = execution.awaitTask(SHIP)
    def message = shipping.parameters().get('MessageBody')
    execution.advanceTime(Duration.ofHours(2))
    execution.sendTaskSuccess(shipping.taskToken(), '{"shipping_status": "successful"}')
    def result = execution.awaitCompletion()

    then: 'the packaging service gets the token, the order and both reservations'
    shipping.parameters().get('QueueUrl').asText() == 'https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip'
    message.get('token').asText() == shipping.taskToken()
    message.at('/order_detail/order_id').asLong() == 1073459984L
    message.get('reservations')*.get('reservation_status')*.asText() == ['success', 'success']

    and: 'the callback result is the output'
    result.status == SUCCEEDED
    result.output == [shipping_status: 'successful']
    result.elapsed() == Duration.ofHours(2)
    result.visitedStates.last() == 'Order Shipped Successfully'
    !result.visitedStates.any { it in ['Notify Delayed', 'Wait for availability', 'Notify Fraudulent Customer'] }

    and: 'SNS publishes the whole event (the execution input)'
    mocks.invocations('Notify New Order').first().args.Message == result.input
  }

  def "a product out of stock #outages time(s) is announced as delayed and retried every 10 s"() {
    given:
    unavailableFor[NINJA] = outages
    def execution = start()

    when:
    execution.sendTaskSuccess(execution.awaitTask(SHIP).taskToken(), '{}')
    def result = execution.awaitCompletion()

    then:
    result.status == SUCCEEDED
    result.elapsed() == Duration.ofSeconds(10 * outages)
    reserveCalls == [(TSHIRT): 1, (NINJA): outages + 1]
    mocks.invocations('Notify Delayed').size() == outages
    Timeline.gaps(result, 'Reserve Product', TASK_SCHEDULED).findAll { !it.zero } == [Duration.ofSeconds(10)] * outages

    and: 'every delay names the product, the order and this execution'
    mocks.invocations('Notify Delayed').every {
      def detail = it.args.Entries[0].Detail
      detail.product_id == 308970707089325490L && detail.order_id == 1073459984 && detail.workflow_id == result.executionArn()
    }

    where:
    outages << [0, 1, 2, 5]
  }

  def "an invalid event is reported and refused: #why"() {
    when:
    def result = shipOrder.run(event)

    then:
    result.status == FAILED
    result.error == 'order_shipping_failed'
    result.visitedStates == ['Validate Input', 'Notify Invalid Input', 'Order Shipping Failed']
    mocks.invocations('Notify Invalid Input').first().args.Entries[0].Detail.error_message == 'InvalidInput'
    mocks.invocations('Get Customer Status').empty

    where:
    why                | event
    'no products'      | '{"detail-type": "OrderCreated", "detail": {"order_id": 1, "products": []}}'
    'another type'     | TestResource.read(ORDER, 'order event').text().replace('"OrderCreated"', '"OrderUpdated"')
  }

  def "the invalid-input report is retried once when EventBridge hiccups"() {
    given:
    mocks.onState('Notify Invalid Input').willThrow('EventBridge.InternalException', 'try again')
        .thenReturn(IntegrationResults.eventBridgePutEvents(1))

    when:
    def result = shipOrder.run('{"detail-type": "OrderCreated", "detail": {"order_id": 1, "products": []}}')

    then:
    result.error == 'order_shipping_failed'
    result.elapsed() == Duration.ofSeconds(1)
    mocks.invocations('Notify Invalid Input').size() == 2
  }

  def "a fraudulent customer is refused before anything is reserved"() {
    when:
    def result = start(FRAUD_ORDER).awaitCompletion()

    then:
    result.status == FAILED
    result.error == 'order_shipping_failed'
    result.cause == null
    result.visitedStates == ['Validate Input', 'Get Customer Status', 'Do Fraud Check', 'Notify Fraudulent Customer', 'Order Shipping Failed']
    with(mocks.invocations('Notify Fraudulent Customer').first().args.Entries[0].Detail) {
      error_message == 'FraudulentCustomer'
      order_event == result.input
    }
    mocks.invocations('Notify New Order').empty
    reserveCalls.isEmpty()
  }

  def "a flaky customer-status service is retried by the matching retrier (#first, then #second)"() {
    given:
    mocks.onState('Get Customer Status').willThrow(first, 'x').thenThrow(second, 'y')
        .thenReturn(IntegrationResults.lambdaPayload([status: 'active']))
    def execution = start()

    when:
    execution.sendTaskSuccess(execution.awaitTask(SHIP).taskToken(), '{}')
    def result = execution.awaitCompletion()

    then:
    result.status == SUCCEEDED
    Timeline.gaps(result, 'Get Customer Status', TASK_SCHEDULED) == gaps.collect { Duration.ofSeconds(it) }

    where:
    first                     | second                    || gaps
    'Exception'               | 'Lambda.ServiceException' || [1, 2]
    'Lambda.ServiceException' | 'Exception'               || [2, 1]
  }

  def "the warehouse #answer: #outcome"() {
    given:
    def execution = start()
    def shipping = execution.awaitTask(SHIP)

    when:
    warehouse(execution, shipping.taskToken())
    def result = execution.awaitCompletion()

    then:
    result.status == FAILED
    result.error == error
    result.elapsed() == Duration.ofSeconds(seconds)
    result.visitedStates.last() == endState
    assertThat(result).state(SHIP).failedWith(shipError)

    where:
    answer                    | warehouse                                                                                         || outcome                               | error                   | endState                | shipError        | seconds
    'fails after 30 min'      | { e, t -> e.advanceTime(Duration.ofMinutes(30)); e.sendTaskFailure(t, 'ShippingFailed', 'Address not found') } || 'caught and reported on the bus'      | 'order_shipping_failed' | 'Order Shipping Failed' | 'ShippingFailed' | 1800
    'never answers'           | { e, t -> }                                                                                       || 'States.Timeout after 3 h, not caught' | 'States.Timeout'        | SHIP                    | 'States.Timeout' | 10800
  }

  def "a shipping failure is reported with the warehouse's error details"() {
    given:
    def execution = start()

    when:
    execution.sendTaskFailure(execution.awaitTask(SHIP).taskToken(), 'ShippingFailed', 'Address not found')
    def result = execution.awaitCompletion()

    then:
    assertThat(result).state(SHIP).wasCaughtBy('Notify Packaging and Shipping Failed')
    with(mocks.invocations('Notify Packaging and Shipping Failed').first().args.Entries[0]) {
      DetailType == 'OrderShippingFailed'
      Detail.error_message == 'PackagingAndShippingFailed'
      Detail.error_details == [Error: 'ShippingFailed', Cause: 'Address not found']
    }
  }
}
