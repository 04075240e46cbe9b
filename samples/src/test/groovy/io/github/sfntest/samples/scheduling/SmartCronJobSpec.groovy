package io.github.sfntest.samples.scheduling

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import java.time.Instant
import spock.lang.Specification

/**
 * The smart cron job of scheduling-eventbridge-scheduler/README.md: wait until the event's
 * timestamp, then run the inner machine. The virtual clock starts at 2024-01-01T00:00:00Z.
 */
@StateMachineTest(definition = 'scheduling-eventbridge-scheduler/smart-cron-job.asl.json', name = 'SmartCronJobSpock')
class SmartCronJobSpec extends Specification {

  StateMachineUnderTest cronJob
  MockedResponses mocks

  def setup() {
    mocks.onState('MainState').willAnswer { call -> [Status: 'SUCCEEDED', Output: [ran: call.payload.Input.id]] }
  }

  def "an event due at #timestamp runs after #waited"() {
    when:
    def result = cronJob.run("""{"id": "e1", "timestamp": "$timestamp"}""")

    then:
    result.status == SUCCEEDED
    result.elapsed() == waited
    mocks.invocations('MainState').first().time() == [Instant.parse(timestamp), result.startDate()].max()

    where:
    timestamp                  || waited
    '2017-06-20T20:58:00Z'     || Duration.ZERO              // in the past: at once
    '2024-01-01T00:00:00Z'     || Duration.ZERO              // now
    '2024-01-01T00:15:30Z'     || Duration.ofSeconds(930)
    '2024-12-30T23:00:00Z'     || Duration.ofHours(365 * 24 - 1)   // within AWS's one-year limit of an execution
  }

  def "never tested upstream: a timestamp that is not one fails the Wait (#timestamp)"() {
    when:
    def result = cronJob.run(input)

    then:
    result.status == FAILED
    result.error().get() == 'States.Runtime'
    mocks.invocations('MainState').empty

    where:
    input << ['{"id": "e1"}', '{"id": "e1", "timestamp": "tomorrow"}', '{"id": "e1", "timestamp": 1718917080}']
    timestamp = input
  }
}
