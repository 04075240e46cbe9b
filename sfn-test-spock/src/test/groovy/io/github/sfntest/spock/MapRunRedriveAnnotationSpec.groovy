package io.github.sfntest.spock

import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** A Distributed Map's Map Run redriven through the Spock extension: the failed child is redriven, not replaced. */
@StateMachineTest(definition = 'redrive/charge-each.asl.json', name = 'ChargeEach')
class MapRunRedriveAnnotationSpec extends Specification {

  def "the failed child is redriven under its own ARN"(StateMachineUnderTest chargeEach, MockedResponses mocks) {
    given:
    mocks.onState('Charge').willReturn('{"Payload":"ok-a"}').thenThrow('Card.Declined', 'later')
        .thenReturn('{"Payload":"ok-b"}')
    def execution = chargeEach.start('["a","b"]')
    def failed = execution.awaitCompletion().mapRun('ChargeEach')

    expect:
    failed.notRedrivableReason(failed.child(1)).isEmpty()

    when:
    def redriven = execution.redrive().awaitCompletion().mapRun('ChargeEach')

    then:
    redriven.redriveCount() == 1
    redriven.child(1).executionArn() == failed.child(1).executionArn()
    redriven.child(1).status() == ExecutionStatus.SUCCEEDED
    redriven.child(1).redriveCount() == 1
    redriven.child(0).redriveCount() == 0
    mocks.invocations('Charge').size() == 3
  }
}
