package io.github.sfntest.samples.scheduling

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/** The rules-to-schedules migration: what happens to the old rule, and how many pages are read. */
@StateMachineTest(definition = 'scheduling-eventbridge-scheduler/eventbridge-rules-to-schedules.asl.json',
    name = 'RulesToSchedulesSpock',
    substitutions = ['ProcessRulesFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:ProcessRules'])
class RulesToSchedulesSpec extends Specification {

  StateMachineUnderTest migration
  MockedResponses mocks

  static Map rule(String name, String ruleState) {
    [Name: name, RuleName: name, RuleState: ruleState, State: 'ENABLED', ScheduleGroup: 'default',
     Description: 'migrated', ScheduleExpression: 'cron(0 8 * * ? *)', FlexibleTimeWindow: [Mode: 'OFF'],
     Target: [Arn: 'arn:aws:sqs:us-east-1:123456789012:jobs', RoleArn: 'arn:aws:iam::123456789012:role/r']]
  }

  def "a rule to be #ruleState: enabled #enabled, disabled #disabled"() {
    given:
    mocks.onLambda('ProcessRules').willReturn([ParamsList: [rule('r1', ruleState)]])
    mocks.onResource('arn:aws:states:::aws-sdk:scheduler:createSchedule').willReturn([ScheduleArn: 's'])
    // lenient: each row reaches at most one of the two
    mocks.onResource('arn:aws:states:::aws-sdk:eventbridge:enableRule').willReturn([:]).lenient()
    mocks.onResource('arn:aws:states:::aws-sdk:eventbridge:disableRule').willReturn([:]).lenient()

    when:
    def result = migration.run([ScheduleRoleArn: 'arn:aws:iam::123456789012:role/r'])

    then:
    result.status == SUCCEEDED
    mocks.invocations('CreateSchedule').size() == 1
    mocks.invocations('EnableRule').size() == enabled
    mocks.invocations('DisableRule').size() == disabled

    where:
    ruleState   || enabled | disabled
    'ENABLED'   || 1       | 0
    'DISABLED'  || 0       | 1
    'PRESERVED' || 0       | 0   // the Choice's Default, "No Modification"
  }

  def "#pages pages of rules: the Lambda is called #pages times and #rules schedules are created"() {
    given:
    int page = 0
    mocks.onLambda('ProcessRules').willAnswer {
      page++
      def answer = [ParamsList: (1..2).collect { rule("p$page-$it".toString(), 'PRESERVED') }]
      page < pages ? answer + [NextToken: "t$page".toString()] : answer
    }
    mocks.onResource('arn:aws:states:::aws-sdk:scheduler:createSchedule').willReturn([:])

    when:
    def result = migration.run('{}')

    then:
    result.status == SUCCEEDED
    mocks.invocations('Process Rules').size() == pages
    mocks.invocations('CreateSchedule').size() == rules

    where:
    pages || rules
    1     || 2
    2     || 4
    5     || 10
  }

  def "never tested upstream: a rule without #field fails the Map's ItemSelector"() {
    given:
    def broken = rule('r1', 'ENABLED')
    broken.remove(field)
    mocks.onLambda('ProcessRules').willReturn([ParamsList: [broken]])

    when:
    def result = migration.run('{}')

    then:
    result.status == FAILED
    result.error == 'States.Runtime'
    result.visitedStates.last() == 'for Rule in Rules'

    where:
    field << ['Target', 'RuleName']
  }
}
