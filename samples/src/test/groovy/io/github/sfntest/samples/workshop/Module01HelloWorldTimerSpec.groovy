package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 1: the timer waits what its input says, on the virtual clock. */
@StateMachineTest(definition = 'step-functions-workshop/module01-hello-world-timer.asl.json', name = 'WorkshopTimerSpock')
class Module01HelloWorldTimerSpec extends Specification {

  StateMachineUnderTest timer

  def "a timer of #seconds s succeeds after exactly #seconds s"() {
    when:
    def result = timer.run([timer_seconds: seconds])

    then:
    result.status == SUCCEEDED
    result.elapsed() == Duration.ofSeconds(seconds)
    result.visitedStates == ['Wait for Timer', 'Success']

    where:
    seconds << [0, 5, 3600, 86_400]
  }

  def "never tested upstream: a timer of #value fails the Wait with States.Runtime"() {
    when:
    def result = timer.run([timer_seconds: value])

    then:
    result.status == FAILED
    result.error == 'States.Runtime'
    result.visitedStates == ['Wait for Timer']

    where:
    value << ['five', null, [5]]
  }
}
