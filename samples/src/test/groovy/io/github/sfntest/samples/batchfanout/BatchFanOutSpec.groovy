package io.github.sfntest.samples.batchfanout

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.engine.ExecutionStatus.TIMED_OUT
import static io.github.sfntest.history.HistoryEventType.EXECUTION_TIMED_OUT
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The Batch fan-out of batch-fan-out-dynamic-parallelism/README.md: a Lambda returns
 * {@code [0..n-1]}, a Map with MaxConcurrency 3 runs one {@code batch:submitJob.sync} job per item,
 * the whole run within an hour. Every job takes ten virtual minutes.
 */
@StateMachineTest(definition = 'batch-fan-out-dynamic-parallelism/batch_fan_out.asl.json', name = 'BatchFanOutSpock',
    substitutions = [
        'GenerateBatchJobArn=arn:aws:lambda:us-east-1:123456789012:function:GenerateBatchJob',
        'JobQueueArn=arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue',
        'JobDefinitionArn=arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1'])
class BatchFanOutSpec extends Specification {

  static final String SUBMIT = 'Submit Batch Job'

  StateMachineUnderTest fanOut
  MockedResponses mocks

  def setup() {
    mocks.onState(SUBMIT).willAnswer { call -> [JobName: 'BatchJobFanOut', JobId: "job-${call.invocationIndex}".toString(), Status: 'SUCCEEDED'] }
        .withLatency(Duration.ofMinutes(10))
  }

  def "#n generated items: #n jobs in #minutes virtual minutes (MaxConcurrency 3)"() {
    given:
    mocks.onLambda('GenerateBatchJob').willReturn((0..<n).toList())

    when:
    def result = fanOut.run('{}')

    then:
    result.status == SUCCEEDED
    mocks.invocations(SUBMIT).size() == n
    result.output().get().size() == n
    result.elapsed() == Duration.ofMinutes(minutes)

    and: 'each iteration got its item as BatchNumber'
    result.history.stateVisits.findAll { it.name == SUBMIT }.collect { it.input().get('BatchNumber').asInt() }.sort() == (0..<n).toList()

    where:
    n || minutes
    0 || 0
    2 || 10
    3 || 10
    4 || 20
    9 || 30
  }

  def "never tested upstream: a failed Batch job fails the fan-out (no Retry, no Catch)"() {
    given:
    mocks.onLambda('GenerateBatchJob').willReturn([0, 1, 2])
    mocks.onState(SUBMIT).willAnswer { call ->
      call.invocationIndex == 1 ? TaskOutcome.failure('States.TaskFailed', '{"Status": "FAILED"}') : [Status: 'SUCCEEDED']
    }

    when:
    def result = fanOut.run('{}')

    then:
    result.status == FAILED
    result.error().get() == 'States.TaskFailed'
    result.history.ofType(MAP_ITERATION_FAILED).size() == 1
  }

  def "never tested upstream: jobs of 40 minutes, nine of them, outlast TimeoutSeconds 3600"() {
    given:
    mocks.onLambda('GenerateBatchJob').willReturn((0..<9).toList())
    mocks.onState(SUBMIT).willReturn([Status: 'SUCCEEDED']).withLatency(Duration.ofMinutes(40))

    when:
    def result = fanOut.run('{}')

    then:
    result.status == TIMED_OUT
    result.elapsed() == Duration.ofHours(1)
    result.history.ofType(EXECUTION_TIMED_OUT).size() == 1
    mocks.invocations(SUBMIT).size() == 6   // two waves of three started, the third never
  }
}
