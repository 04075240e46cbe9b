package io.github.sfntest.spock

import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.engine.StateMachineType
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** A declared EXPRESS machine started by another one's states:startExecution task runs as an EXPRESS child. */
@StateMachineTest(definition = 'express/nested-parent.asl.json', name = 'Parent',
    machines = [@StateMachine(value = 'Rules', definition = 'express/context.asl.json', type = StateMachineType.EXPRESS)])
class NestedExpressChildSpec extends Specification {

  def "the child is an EXPRESS execution started with StartExecution"(StateMachineUnderTest parent) {
    when:
    def result = parent.run()
    def childArn = result.output().orElseThrow().get('ExecutionArn').asText()
    def child = result.childExecutions()[0]

    then:
    result.status() == ExecutionStatus.SUCCEEDED
    childArn.startsWith('arn:aws:states:us-east-1:111111111111:express:Rules:')
    child.output().orElseThrow().at('/execution/Id').asText() == childArn
    child.output().orElseThrow().at('/execution/RedriveCount').asInt(-1) == 0
  }
}
