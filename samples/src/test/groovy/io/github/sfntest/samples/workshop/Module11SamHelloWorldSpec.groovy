package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.EXECUTION_STARTED
import static io.github.sfntest.history.HistoryEventType.EXECUTION_SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.PASS_STATE_ENTERED
import static io.github.sfntest.history.HistoryEventType.PASS_STATE_EXITED

import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** Step Functions workshop, module 11: the SAM-deployed Pass answers the same to any request. */
@StateMachineTest(definition = 'step-functions-workshop/module11-sam-hello-world-pass.asl.json', name = 'WorkshopSamHelloSpock')
class Module11SamHelloWorldSpec extends Specification {

  StateMachineUnderTest workflow

  def "a request of #input is answered with the Result"() {
    when:
    def result = workflow.run(input)

    then:
    result.status == SUCCEEDED
    result.output == [value: 'Hello back to you!']
    result.history.types == [EXECUTION_STARTED, PASS_STATE_ENTERED, PASS_STATE_EXITED, EXECUTION_SUCCEEDED]

    where:
    input << ['{}', '{"name": "Ana"}', '[1, 2]', '"text"', 'null']
  }
}
