package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.teststate.TestStateStatus
import spock.lang.Specification

/** Step Functions workshop, module 5: which orders the Map's Choice writes to DynamoDB. */
@StateMachineTest(definition = 'step-functions-workshop/module05-choice-and-map-dynamodb.asl.json', name = 'WorkshopMapSpock')
class Module05ChoiceAndMapSpec extends Specification {

  static final String INSERT = 'Insert High Priority Order'

  StateMachineUnderTest workflow
  MockedResponses mocks

  def "orders of priorities #priorities: #written written"() {
    given:
    mocks.onState(INSERT).willReturn([:]).lenient()   // lenient: the all-LOW row writes nothing

    when:
    def orders = priorities.withIndex().collect { p, i -> [orderId: "$i".toString(), customerId: 'c', priority: p] }
    def result = workflow.run([Data: orders])

    then:
    result.status == SUCCEEDED
    mocks.invocations(INSERT).collect { it.args.Item.id.S } == written

    where:
    priorities             || written
    ['HIGH', 'LOW', 'HIGH'] || ['0', '2']
    ['LOW', 'LOW']          || []
    []                      || []
  }

  def "never tested upstream: priority #priority stops the Map at that order"() {
    given:
    mocks.onState(INSERT).willReturn([:])

    when:
    def result = workflow.run([Data: [[orderId: '1', customerId: 'c', priority: 'HIGH'],
                                      [orderId: '2', customerId: 'c', priority: priority]]])

    then:
    result.status == FAILED
    result.error == error
    result.history.ofType(MAP_ITERATION_FAILED).size() == 1

    where:
    priority || error
    'MEDIUM' || 'States.NoChoiceMatched'
    'low'    || 'States.NoChoiceMatched'
    null     || 'States.NoChoiceMatched'   // null is a value: it is not LOW nor HIGH
  }

  def "the Priority Filter alone sends #priority to #next"() {
    expect:
    def result = workflow.testState('Priority Filter', """{"priority": "$priority"}""")
    result.status() == TestStateStatus.SUCCEEDED
    result.nextState().orElse(null) == next

    where:
    priority || next
    'LOW'    || 'Low Priority Order Detected'
    'HIGH'   || INSERT
  }
}
