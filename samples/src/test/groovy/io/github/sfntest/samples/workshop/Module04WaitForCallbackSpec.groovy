package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.RUNNING
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 4: the execution waits for the task token to come back. */
@StateMachineTest(definition = 'step-functions-workshop/module04-wait-for-callback-sqs.asl.json',
    name = 'WorkshopCallbackSpock',
    substitutions = ['AWS::Partition=aws', 'sqsQueueUrl=https://sqs.us-east-1.amazonaws.com/123456789012/CallbackQueue',
        'SimpleLambdaFunctionArn=arn:aws:sns:us-east-1:123456789012:CallbackTopic'])
class Module04WaitForCallbackSpec extends Specification {

  static final String WAIT = 'Start Task And Wait For Callback'

  StateMachineUnderTest workflow
  MockedResponses mocks

  def setup() {
    mocks.onState(WAIT).willWaitForCallback([MessageId: 'token-message'])
    mocks.onResource('arn:aws:states:::sns:publish').willReturn([MessageId: 'm-1'])
  }

  def "a worker answering after #minutes min with #callback ends in #notification"() {
    given:
    def execution = workflow.start('{}')
    def token = execution.awaitTask(WAIT).taskToken()

    when:
    execution.advanceTime(Duration.ofMinutes(minutes))
    def waiting = execution.status()
    if (callback == 'success') {
      execution.sendTaskSuccess(token, '{"ok": true}')
    } else {
      execution.sendTaskFailure(token, 'Worker.Failed', 'could not process')
    }
    def result = execution.awaitCompletion()

    then:
    waiting == RUNNING
    result.status == SUCCEEDED
    result.visitedStates == [WAIT, notification]
    result.elapsed() == Duration.ofMinutes(minutes)

    where:
    minutes | callback  || notification
    0       | 'success' || 'Notify Success'
    60      | 'success' || 'Notify Success'
    5       | 'failure' || 'Notify Failure'   // never tested upstream: the catcher
  }
}
