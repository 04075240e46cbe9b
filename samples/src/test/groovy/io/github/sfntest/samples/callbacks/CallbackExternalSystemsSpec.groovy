package io.github.sfntest.samples.callbacks

import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT

import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachine
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The asynchronous API with callback (callback-external-systems/README.md): the requestor waits on
 * SQS for the external system's callback (at most 300 s), the simulator plays the external system.
 * Each row is one way the external system can answer, or fail to.
 */
@StateMachineTest(definition = 'callback-external-systems/async-api-callback-requestor.asl.json', name = 'AsyncApiRequestor',
    substitutions = [
        'SQSSendMessageAction=arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        'SQSQueueURL=https://sqs.us-east-1.amazonaws.com/123456789012/AsyncApiRequests',
        'SNSTopicPublishAction=arn:aws:states:::sns:publish',
        'SNSTopicARN=arn:aws:sns:us-east-1:123456789012:AsyncApiNotifications'],
    machines = @StateMachine(value = 'AsyncApiSimulator', definition = 'callback-external-systems/async-api-simulator.asl.json',
        substitutions = [
            'LambdaActionAction=arn:aws:states:::lambda:invoke',
            'CallbackSystemLambdaFunctionARN=arn:aws:lambda:us-east-1:123456789012:function:CallbackSystem']))
class CallbackExternalSystemsSpec extends Specification {

  static final String CALL_API = 'Invoke Async API & Wait For CallBack'

  StateMachineUnderTest requestor
  @StateMachine('AsyncApiSimulator') StateMachineUnderTest simulator
  MockedResponses mocks

  def setup() {
    mocks.onState(CALL_API).willWaitForCallback(IntegrationResults.sqsSendMessage('request'))
    mocks.onResource('arn:aws:states:::sns:publish').willReturn(IntegrationResults.snsPublish('notification'))
    mocks.onLambda('CallbackSystem').willAnswer { call -> [callbackFor: call.payload.payload.status] }
  }

  def "the external system answers '#status' after #waitTime s: #notification"() {
    given:
    def execution = requestor.start(waitTime: waitTime, status: status)
    def request = execution.awaitTask(CALL_API)

    when: 'the queue consumer starts the simulator with the message; its function calls back in time, or never'
    def simulated = simulator.run(request.parameters().get('MessageBody'))
    if (waitTime <= 300) {
      execution.advanceTime(simulated.elapsed())
      if (simulated.output.callbackFor == 'success') {
        execution.sendTaskSuccess(request.taskToken(), '{"status": 200, "payload": {"body": "sample sucess message"}}')
      } else {
        execution.sendTaskFailure(request.taskToken(), 'ExternalApiError', 'sample error message')
      }
    }
    def result = execution.awaitCompletion()

    then:
    simulated.elapsed() == Duration.ofSeconds(waitTime)
    result.status == SUCCEEDED
    result.visitedStates.last() == notification
    result.elapsed() == Duration.ofSeconds(Math.min(waitTime, 300))
    mocks.invocations(notification).first().args.Message.message == message
    result.history.forState(CALL_API).ofType(TASK_TIMED_OUT).size() == timeouts

    where:
    waitTime | status    || notification                               | message                     | timeouts
    3        | 'success' || 'SNS Publish - Send Success Notification'  | 'API Executed Successfully' | 0
    3        | 'failure' || 'SNS Publish - Send Error Notification'    | 'API Failed'                | 0
    299      | 'success' || 'SNS Publish - Send Success Notification'  | 'API Executed Successfully' | 0
    400      | 'success' || 'SNS Publish - Send Error Notification'    | 'API Failed'                | 1
  }

  def "a callback with status #callbackStatus is routed by the Choice to #notification"() {
    given:
    def execution = requestor.start(waitTime: 1, status: 'success')

    when:
    execution.sendTaskSuccess(execution.awaitTask(CALL_API).taskToken(), "{\"status\": $callbackStatus}")
    def result = execution.awaitCompletion()

    then:
    result.visitedStates == [CALL_API, 'Check Response Status', notification]

    where:
    callbackStatus || notification
    200            || 'SNS Publish - Send Success Notification'
    '"200"'        || 'SNS Publish - Send Error Notification'   // a string is not NumericEquals 200
    500            || 'SNS Publish - Send Error Notification'
  }
}
