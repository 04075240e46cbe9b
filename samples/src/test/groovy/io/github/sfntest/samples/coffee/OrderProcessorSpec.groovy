package io.github.sfntest.samples.coffee

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_SUBMITTED
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT

import io.github.sfntest.engine.Execution
import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestResource
import java.time.Duration
import spock.lang.Specification

/**
 * Serverlesspresso's order processor (serverless-coffee-serverlesspresso/README.md): the workflow
 * waits twice for people, each wait an events:putEvents.waitForTaskToken task with a heartbeat
 * timeout (customer 300 s, barista 900 s). The spec plays the customer's and the barista's apps on
 * the virtual clock: it reads the token from the emitted event and answers with it.
 *
 * <p>The heartbeat-timeout features assert AWS's behaviour: a HeartbeatSeconds expiry is the
 * error States.Timeout, so the definition's States.Timeout catchers fire (the engine named it
 * States.HeartbeatTimeout until main's 60b44bf).
 */
@StateMachineTest(definition = 'serverless-coffee-serverlesspresso/order-processor.asl.json', name = 'OrderProcessor')
class OrderProcessorSpec extends Specification {

  static final String NEW_ORDER = 'serverless-coffee-serverlesspresso/inputs/order-processor.Validator.NewOrder.json'
  static final String ORDER_ID = 'd6e373b5-709c-40b0-a614-80d9a07276fc'
  static final String CUSTOMER_WAIT = 'Emit - Workflow Started TT'
  static final String BARISTA_WAIT = 'Emit - Awaiting Completion TT'

  StateMachineUnderTest orderProcessor
  MockedResponses mocks

  def setup() {
    shopIs(open: true)
    mocks.onState('ListExecutions').willReturn(runningOrders(3))
    mocks.onState('Generate Order Number').willReturn([Attributes: [IDvalue: [N: '42']]])
    mocks.onState(CUSTOMER_WAIT).willWaitForCallback(IntegrationResults.eventBridgePutEvents(1))
    mocks.onState(BARISTA_WAIT).willWaitForCallback(IntegrationResults.eventBridgePutEvents(1))
    mocks.onResource('arn:aws:states:::events:putEvents').willReturn(IntegrationResults.eventBridgePutEvents(1))
  }

  def "a drink submitted after 4 min and made 10 min later finishes the order"() {
    given:
    def execution = newOrder()

    when: 'the customer answers with the token from the WorkflowStarted event'
    def customer = execution.awaitTask(CUSTOMER_WAIT)
    def started = customer.parameters().at('/Entries/0')
    execution.advanceTime(Duration.ofMinutes(4))
    execution.sendTaskSuccess(customer.taskToken(), '{"drink": "Latte"}')

    and: 'the barista completes it with the token from the WaitingCompletion event'
    def barista = execution.awaitTask(BARISTA_WAIT)
    def waiting = barista.parameters().at('/Entries/0')
    execution.advanceTime(Duration.ofMinutes(10))
    execution.sendTaskSuccess(barista.taskToken(), '{"state": "COMPLETED", "baristaUserId": "barista-1"}')

    def result = execution.awaitCompletion()

    then:
    started.get('DetailType').asText() == 'OrderProcessor.WorkflowStarted'
    started.at('/Detail/TaskToken').asText() == customer.taskToken()
    started.at('/Detail/orderId').asText() == ORDER_ID
    waiting.get('DetailType').asText() == 'OrderProcessor.WaitingCompletion'
    waiting.at('/Detail/orderNumber').asText() == '42'
    barista.taskToken() != customer.taskToken()

    and:
    result.status == SUCCEEDED
    result.visitedStates == ['DynamoDB Get Shop status', 'Shop Open?', 'ListExecutions', 'Is capacity available?',
                             CUSTOMER_WAIT, 'Generate Order Number', BARISTA_WAIT, 'Pass', 'Emit - order finished']
    result.elapsed() == Duration.ofMinutes(14)
    !(TASK_TIMED_OUT in result.history.types)
    result.history.forState(CUSTOMER_WAIT).events.count { it.type == TASK_SUBMITTED } == 1

    and: 'ResultPath null drops the customer answer; the barista answer lands in $.order'
    def beforeFinish = result.history.visitsOf('Pass').first().output().get()
    !beforeFinish.has('drink')
    beforeFinish.get('order').get('baristaUserId').asText() == 'barista-1'
  }

  def "heartbeats every #beat min keep a customer who takes #total min in the queue"() {
    given:
    def execution = newOrder()
    def customer = execution.awaitTask(CUSTOMER_WAIT)

    when:
    (total.intdiv(beat)).times {
      execution.advanceTime(Duration.ofMinutes(beat))
      execution.sendTaskHeartbeat(customer.taskToken())
    }
    execution.advanceTime(Duration.ofMinutes(total % beat))
    execution.sendTaskSuccess(customer.taskToken(), '{}')
    execution.sendTaskSuccess(execution.awaitTask(BARISTA_WAIT).taskToken(), '{}')
    def result = execution.awaitCompletion()

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == 'Emit - order finished'
    result.elapsed() == Duration.ofMinutes(total)
    !(TASK_TIMED_OUT in result.history.types)

    where:
    beat | total
    4    | 9
    2    | 11
    1    | 20
  }

  def "#who who never answers times out after #seconds s; the OrderTimeOut event says '#cause'"() {
    given:
    def execution = newOrder()
    def customer = execution.awaitTask(CUSTOMER_WAIT)
    if (customerAnswersAfter != null) {
      execution.advanceTime(Duration.ofSeconds(customerAnswersAfter))
      execution.sendTaskSuccess(customer.taskToken(), '{}')
    }

    when:
    def result = execution.awaitCompletion()

    then:
    result.status == SUCCEEDED
    result.visitedStates.takeRight(2) == [cause, 'Emit - error timeout']
    result.elapsed() == Duration.ofSeconds(seconds)
    assertThat(result).state(waitState).failedWith('States.Timeout').wasCaughtBy(cause)
    assertThat(result).state('Emit - error timeout').wasScheduledWithContaining(
        /{"Entries": [{"Detail": {"orderId": "$ORDER_ID", "cause": "$cause"}, "DetailType": "OrderProcessor.OrderTimeOut"}]}/)

    where:
    who            | customerAnswersAfter || waitState     | cause              | seconds
    'a customer'   | null                 || CUSTOMER_WAIT | 'Customer timedout' | 300
    'a barista'    | 60                   || BARISTA_WAIT  | 'Barista timedout'  | 60 + 900
  }

  def "one heartbeat, then silence: the timeout fires 300 s after the last heartbeat"() {
    given:
    def execution = newOrder()
    def customer = execution.awaitTask(CUSTOMER_WAIT)
    execution.advanceTime(Duration.ofSeconds(240))
    execution.sendTaskHeartbeat(customer.taskToken())

    when:
    def result = execution.awaitCompletion()

    then:
    result.visitedStates.last() == 'Emit - error timeout'
    result.elapsed() == Duration.ofSeconds(540)
    result.history.forState(CUSTOMER_WAIT).ofType(TASK_TIMED_OUT).size() == 1
    !('Generate Order Number' in result.visitedStates)
  }

  def "a barista's rejection is not caught (only States.Timeout is) and fails the workflow"() {
    given:
    def execution = newOrder()
    execution.sendTaskSuccess(execution.awaitTask(CUSTOMER_WAIT).taskToken(), '{}')
    def barista = execution.awaitTask(BARISTA_WAIT)

    when:
    execution.advanceTime(Duration.ofMinutes(2))
    execution.sendTaskFailure(barista.taskToken(), 'OrderRejected', 'Out of oat milk')
    def result = execution.awaitCompletion()

    then:
    result.status == FAILED
    result.error == 'OrderRejected'
    result.cause == 'Out of oat milk'
    result.visitedStates.last() == BARISTA_WAIT
    !result.visitedStates.any { it in ['Barista timedout', 'Emit - error timeout', 'Emit - order finished'] }
    result.elapsed() == Duration.ofMinutes(2)
  }

  def "the shop config decides at once: #shop"() {
    given:
    mocks.onState('DynamoDB Get Shop status').willReturn(IntegrationResults.dynamoDbGetItem(item))

    when:
    def result = newOrder().awaitCompletion()

    then:
    result.status == status
    result.visitedStates == path
    result.error == error
    mocks.invocations('ListExecutions').empty

    where:
    shop                          | item                                   || status    | error            | path
    'a closed shop refuses'       | [PK: 'config-NYC', storeOpen: false]   || SUCCEEDED | null             | ['DynamoDB Get Shop status', 'Shop Open?', 'EventBridge PutEvents']
    'an unknown event has no row' | null                                   || FAILED    | 'States.Runtime' | ['DynamoDB Get Shop status', 'Shop Open?']
  }

  def "the upstream capacity check indexes an object, so 25 running orders are still accepted"() {
    given:
    mocks.onState('ListExecutions').willReturn(runningOrders(25))
    def execution = newOrder()

    when:
    execution.awaitTask(CUSTOMER_WAIT)
    execution.stop('Test.Done', 'accepted')
    def result = execution.awaitCompletion()

    then:
    result.visitedStates.contains(CUSTOMER_WAIT)
    !('EventBridge PutEvents' in result.visitedStates)
    with(mocks.invocations('ListExecutions').first().args) {
      StateMachineArn.endsWith(':stateMachine:OrderProcessor')
      StatusFilter == 'RUNNING'
      MaxResults == 100
    }
  }

  Execution newOrder() {
    orderProcessor.start(TestResource.read(NEW_ORDER, 'order event').text())
  }

  void shopIs(Map args) {
    mocks.onState('DynamoDB Get Shop status').willReturn(
        IntegrationResults.dynamoDbGetItem([PK: 'config-NYC', storeOpen: args.open]))
  }

  static Map runningOrders(int count) {
    [Executions: (0..<count).collect {
      [ExecutionArn   : "arn:aws:states:us-west-2:123456789012:execution:OrderProcessor:order-$it".toString(),
       StateMachineArn: 'arn:aws:states:us-west-2:123456789012:stateMachine:OrderProcessor',
       Name           : "order-$it".toString(), Status: 'RUNNING', StartDate: '2022-10-14T12:00:00Z']
    }]
  }
}
