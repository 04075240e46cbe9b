package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 13: the order workflow's callbacks and the Lambda service-error Retry. */
@StateMachineTest(definition = 'step-functions-workshop/module13-nested-express-parent.asl.yaml',
    name = 'WorkshopOrderSpock',
    substitutions = ['sqsQueueUrl=https://sqs.us-east-1.amazonaws.com/123456789012/OrderQueue',
        'sendtoSNSArn=arn:aws:sns:us-east-1:123456789012:OrderTopic',
        'UpdateDatabaseLambdaFunction=arn:aws:lambda:us-east-1:123456789012:function:UpdateDatabase'])
class Module13NestedExpressSpec extends Specification {

  StateMachineUnderTest order
  MockedResponses mocks

  def setup() {
    mocks.onState('Approve Order Request').willWaitForCallback([MessageId: 'approval'])
    mocks.onState('Process Payment').willWaitForCallback([MessageId: 'payment'])
    mocks.onResource('arn:aws:states:::sns:publish').willReturn([MessageId: 'm-1'])
  }

  def "approval #approval and payment #payment end in #end"() {
    given:
    mocks.onLambda('UpdateDatabase').willReturn([ok: true]).lenient()   // lenient: only the paid row updates
    def execution = order.start('{}')

    when:
    answer(execution, 'Approve Order Request', approval)
    if (payment) {
      answer(execution, 'Process Payment', payment)
    }
    def result = execution.awaitCompletion()

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == end

    where:
    approval  | payment   || end
    'success' | 'success' || 'Ship the Package'
    'failure' | null      || 'Notify Order Failure'     // never tested upstream
    'success' | 'failure' || 'Notify Payment Failure'   // never tested upstream
  }

  def "Update Inventory failing #failures times with #error: #status after #seconds s of retries"() {
    given:
    mocks.onLambda('UpdateDatabase').willAnswer { call ->
      call.stateName() == 'Update Inventory' && call.invocationIndex() < failures ? TaskOutcome.failure(error, 'x') : [ok: true]
    }
    def execution = order.start('{}')
    answer(execution, 'Approve Order Request', 'success')
    answer(execution, 'Process Payment', 'success')

    when:
    def result = execution.awaitCompletion()

    then:
    result.status == status
    result.elapsed() == Duration.ofSeconds(seconds)
    mocks.invocations('Update Inventory').size() == attempts

    where:
    error                          | failures || status    | attempts | seconds
    'Lambda.ServiceException'      | 1        || SUCCEEDED | 2        | 2
    'Lambda.SdkClientException'    | 3        || SUCCEEDED | 4        | 14
    'Lambda.AWSLambdaException'    | 7        || FAILED    | 7        | 126   // never tested upstream: exhausted
    'Lambda.Unknown'               | 1        || FAILED    | 1        | 0     // not a retried error
  }

  private static void answer(execution, String state, String outcome) {
    def token = execution.awaitTask(state).taskToken()
    if (outcome == 'success') {
      execution.sendTaskSuccess(token, '{}')
    } else {
      execution.sendTaskFailure(token, 'Rejected', 'no')
    }
  }
}
