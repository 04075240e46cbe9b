package io.github.sfntest.samples.scheduling

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The human task reminder of scheduling-eventbridge-scheduler/README.md (YAML, numeric
 * placeholder): how many reminders a human gets depends on when the task token comes back.
 */
@StateMachineTest(definition = 'scheduling-eventbridge-scheduler/human-task-reminder.asl.yaml', name = 'HumanTaskReminderSpock',
    substitutions = ['ReminderTimeout=600', 'DDBTable=HumanTasks', 'TopicArn=arn:aws:sns:us-east-1:123456789012:HumanTasks'])
class HumanTaskReminderSpec extends Specification {

  static final String SEND_TOKEN = 'SNS Send Task Token to Human'

  StateMachineUnderTest reminder
  MockedResponses mocks
  boolean taskComplete

  def setup() {
    mocks.onState('DDB Put Task Status').willReturn([:])
    mocks.onState('DDB Update Task Status').willAnswer { taskComplete = true; [:] }
    mocks.onState('DDB Get Task Status').willAnswer { [Item: [taskComplete: [S: taskComplete.toString()]]] }
    mocks.onState(SEND_TOKEN).willWaitForCallback()
    mocks.onState('SNS Send Reminder').willReturn([MessageId: 'm'])
  }

  def "a task done after #minutes minutes gets #reminders reminders (every 10 minutes) and ends at minute #end"() {
    given:
    def execution = reminder.start('{}')
    def task = execution.awaitTask(SEND_TOKEN)

    when:
    execution.advanceTime(Duration.ofMinutes(minutes))
    execution.sendTaskSuccess(task.taskToken(), '{}')
    def result = execution.awaitCompletion()

    then:
    result.status == SUCCEEDED
    mocks.invocations('SNS Send Reminder').size() == reminders
    result.elapsed() == Duration.ofMinutes(end)

    where:
    minutes || reminders | end
    0       || 0         | 10
    9       || 0         | 10
    15      || 1         | 20
    45      || 4         | 50
  }

  def "never tested upstream: a rejected task fails the run and ends the reminders"() {
    given:
    def execution = reminder.start('{}')
    def task = execution.awaitTask(SEND_TOKEN)

    when:
    execution.advanceTime(Duration.ofMinutes(25))
    execution.sendTaskFailure(task.taskToken(), 'TaskRejected', 'not my job')
    def result = execution.awaitCompletion()

    then:
    result.status == FAILED
    result.error().get() == 'TaskRejected'
    mocks.invocations('SNS Send Reminder').size() == 2
    mocks.invocations('DDB Update Task Status').empty
  }
}
