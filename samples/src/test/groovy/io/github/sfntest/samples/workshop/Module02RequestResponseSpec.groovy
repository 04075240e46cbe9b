package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 2: a timer, then a request-response SNS publish. */
@StateMachineTest(definition = 'step-functions-workshop/module02-request-response-sns.asl.json',
    name = 'WorkshopRequestResponseSpock', substitutions = ['topicArn=arn:aws:sns:us-east-1:123456789012:Topic'])
class Module02RequestResponseSpec extends Specification {

  StateMachineUnderTest workflow
  MockedResponses mocks

  def "a timer of #seconds s publishes #message after #seconds s"() {
    given:
    mocks.onResource('arn:aws:states:::sns:publish').willReturn([MessageId: 'm-1'])

    when:
    def result = workflow.run([timer_seconds: seconds, message: message])

    then:
    result.status == SUCCEEDED
    result.elapsed() == Duration.ofSeconds(seconds)
    mocks.invocations('Send SNS Message')*.args == [[TopicArn: 'arn:aws:sns:us-east-1:123456789012:Topic', Message: message]]

    where:
    seconds | message
    0       | 'now'
    5       | 'Welcome to re:Invent!'
    86400   | 'tomorrow'
  }

  def "never tested upstream: #error from SNS fails the run after the wait, without a retry"() {
    given:
    mocks.onResource('arn:aws:states:::sns:publish').willThrow(error, 'refused')

    when:
    def result = workflow.run([timer_seconds: 5, message: 'hi'])

    then:
    result.status == FAILED
    result.error == error
    result.elapsed() == Duration.ofSeconds(5)
    result.history.forState('Send SNS Message').ofType(TASK_FAILED).size() == 1

    where:
    error << ['SNS.AuthorizationErrorException', 'SNS.NotFoundException', 'SNS.ThrottledException']
  }
}
