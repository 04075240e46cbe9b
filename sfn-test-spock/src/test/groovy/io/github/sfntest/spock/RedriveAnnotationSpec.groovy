package io.github.sfntest.spock

import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** Redrive through the Spock extension: the mocks answer the rerun task with their next response. */
@StateMachineTest(definition = 'redrive/order.asl.json', name = 'Order')
class RedriveAnnotationSpec extends Specification {

  def "a declined charge succeeds after the redrive"(StateMachineUnderTest order, MockedResponses mocks) {
    given:
    mocks.onState('Charge').willThrow('Card.Declined', 'insufficient funds').thenReturn('{"charged":true}')
    def execution = order.start('{}')

    expect:
    execution.awaitCompletion().status() == ExecutionStatus.FAILED

    when:
    def redriven = execution.redrive().awaitCompletion()

    then:
    redriven.status() == ExecutionStatus.SUCCEEDED
    redriven.redriveCount() == 1
    redriven.output().orElseThrow().at('/charge/charged').asBoolean()
    mocks.invocations('Charge')*.parameters()*.get('redrives')*.asInt() == [0, 1]
  }
}
