package io.github.sfntest.spock

import io.github.sfntest.engine.BillingDetails
import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.engine.StateMachineType
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** {@code type = EXPRESS} on the Spock annotations, and a SAM template's {@code Type: EXPRESS}. */
@StateMachineTest(definition = 'express/context.asl.json', name = 'Quick', type = StateMachineType.EXPRESS,
    machines = [
        @StateMachine(value = 'QuickSam', template = 'express/template.yaml', templateResource = 'QuickSam'),
        @StateMachine(value = 'Untyped', template = 'express/template.yaml', templateResource = 'Untyped')])
class ExpressAnnotationSpec extends Specification {

  def "the annotation's type makes the machine EXPRESS"(StateMachineUnderTest quick) {
    when:
    def result = quick.run()

    then:
    quick.type() == StateMachineType.EXPRESS
    result.status() == ExecutionStatus.SUCCEEDED
    result.executionArn().startsWith('arn:aws:states:us-east-1:111111111111:express:Quick:')
    result.output().orElseThrow().at('/execution/Id').asText() == result.executionArn()
    !result.output().orElseThrow().get('execution').has('RedriveCount')
  }

  def "run is billed as StartSyncExecution, start is not"(StateMachineUnderTest quick) {
    expect: 'a Pass takes no virtual time: one 100 ms step in the first 64 MB chunk'
    quick.run().billingDetails().orElseThrow() == new BillingDetails(64, 100)
    !quick.start().awaitCompletion().billingDetails().present
  }

  def "the template's type is read when the annotation gives none"(@StateMachine('QuickSam') StateMachineUnderTest sam,
      @StateMachine('Untyped') StateMachineUnderTest untyped) {
    expect:
    sam.type() == StateMachineType.EXPRESS
    sam.run().executionArn().contains(':express:QuickSam:')
    untyped.type() == StateMachineType.STANDARD
    untyped.run().executionArn().contains(':execution:Untyped:')
  }
}
