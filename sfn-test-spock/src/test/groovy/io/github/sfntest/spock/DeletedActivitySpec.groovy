package io.github.sfntest.spock

import io.github.sfntest.engine.ExecutionStatus
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** A task on an activity the specification deleted from its engine fails as on AWS. */
@StateMachineTest(definition = 'activities/worker.asl.json', name = 'Worker')
class DeletedActivitySpec extends Specification {

  def "a task on a deleted activity fails with States.Runtime"(StateMachineUnderTest worker) {
    given:
    def arn = 'arn:aws:states:us-east-1:111111111111:activity:approvals'
    worker.engine().deleteActivity(arn)

    when:
    def result = worker.run()

    then:
    result.status() == ExecutionStatus.FAILED
    result.error().orElseThrow() == 'States.Runtime'
    result.cause().orElseThrow() == "An error occurred while executing the state 'ActivityTask' (entered at the " +
        "event id #2). The activity ${arn} does not exist."
  }
}
