package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 3: how many failed submits the Retry (30 s, x2, x1.5) absorbs. */
@StateMachineTest(definition = 'step-functions-workshop/module03-batch-job-notification.asl.json',
    name = 'WorkshopBatchJobSpock',
    substitutions = ['AWS::Partition=aws', 'jobQueueArn=arn:aws:batch:us-east-1:123456789012:job-queue/Q',
        'jobDefinitionArn=arn:aws:batch:us-east-1:123456789012:job-definition/D:1',
        'snsTopicArn=arn:aws:sns:us-east-1:123456789012:BatchJobTopic'])
class Module03BatchJobNotificationSpec extends Specification {

  StateMachineUnderTest workflow
  MockedResponses mocks

  def "a submit failing #failures times ends in #notification after #seconds s"() {
    given:
    mocks.onResource('arn:aws:states:::batch:submitJob').willAnswer { call ->
      call.invocationIndex() < failures ? TaskOutcome.failure('Batch.ServerException', 'try later') : [JobId: 'job-1']
    }
    mocks.onResource('arn:aws:states:::sns:publish').willReturn([MessageId: 'm-1'])

    when:
    def result = workflow.run('{}')

    then:
    result.status == SUCCEEDED   // a failure is caught and notified: the run itself succeeds
    result.visitedStates.last() == notification
    result.elapsed() == Duration.ofSeconds(seconds)
    result.history.forState('Submit Batch Job').ofType(TASK_FAILED).size() == Math.min(failures, 3)

    where:
    failures || notification     | seconds
    0        || 'Notify Success' | 0
    1        || 'Notify Success' | 30
    2        || 'Notify Success' | 75
    3        || 'Notify Failure' | 75   // never tested upstream: retries exhausted, the catcher
  }
}
