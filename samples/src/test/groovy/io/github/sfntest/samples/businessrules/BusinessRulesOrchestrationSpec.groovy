package io.github.sfntest.samples.businessrules

import static io.github.sfntest.engine.EngineCapability.EXPRESS_HISTORY
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.engine.StateMachineType.EXPRESS
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED

import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.samples.support.Timeline
import io.github.sfntest.spock.RequiresCapability
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The business-rules orchestration of business-rules-orchestration/README.md: audit the request,
 * ask the Drools rule engine for the premium, audit the response; the API answers with the rule
 * engine's body. The Audit Lambda is one closure that tells request from response as the real one
 * does; the rule engine is a closure over the two rules of {@code AutoInsurancePremium.drl}.
 * The machine is EXPRESS, as upstream. AWS keeps no history for EXPRESS, so the features read
 * outcomes, times and the mocks' calls and run on every engine; the one that reads the history
 * (visited states, events) requires {@code EXPRESS_HISTORY}: it runs in-process and is skipped on
 * the sdk engine (see the README).
 */
@StateMachineTest(definition = 'business-rules-orchestration/businessrules_orchestration.asl.json', name = 'BusinessRulesOrchestration',
    type = EXPRESS,
    substitutions = [
        'AuditLambaPath=arn:aws:lambda:us-east-1:123456789012:function:rule-execution-audit',
        'ExecuteRulesetLambdaPath=arn:aws:lambda:us-east-1:123456789012:function:execute-ruleset'])
class BusinessRulesOrchestrationSpec extends Specification {

  StateMachineUnderTest rules
  MockedResponses mocks
  List<String> auditTable = []

  def setup() {
    mocks.onLambda('rule-execution-audit').willAnswer { call ->
      auditTable << "${call.payload.finalresponse?.Payload != null ? 'response' : 'request'}:${call.payload.context.request_id}".toString()
      [StatusCode: 200, trans_id: "trans-${auditTable.size()}".toString(), body: 'successfully created item!']
    }
    mocks.onLambda('execute-ruleset').willAnswer { call ->
      [StatusCode: 200, trans_id: call.payload.audit.Payload.trans_id, body: premium(call.payload.request)]
    }
  }

  /** The rules of AutoInsurancePremium.drl: red sports cars cost 20 % more under 21, 10 % more over 21. */
  static Map premium(Map request) {
    boolean redSportsCar = request.car.style == 'SPORTS' && request.car.color == 'RED'
    int age = request.driver.age
    def rate = !redSportsCar ? 0 : age < 21 ? 20 : age > 21 ? 10 : 0
    request + [policy: request.policy + [premium: request.policy.premium + request.policy.premium * rate / 100]]
  }

  static Map request(int age, String style, String color) {
    [request: [driver: [age: age, name: 'Jane Doe'],
               car: [make: 'Mazda', model: 'MX-5', year: 2021, style: style, color: color],
               policy: [id: 'P-1001', premium: 1000]],
     context: [request_id: 'req-42']]
  }

  def "a #age-year-old's #color #style pays #premium"() {
    when:
    def result = rules.run(request(age, style, color))

    then: 'the API answers with the rule engine\'s body only (OutputPath)'
    result.status == SUCCEEDED
    result.output.keySet() == ['driver', 'car', 'policy'] as Set
    result.output.policy.premium == premium

    and: 'each state called its Lambda once (read from the mocks: AWS keeps no history for EXPRESS)'
    ['Audit Request', 'Execute Ruleset', 'Audit Response'].collect { mocks.invocations(it).size() } == [1, 1, 1]

    and: 'one Lambda audited both the request and the response'
    auditTable == ['request:req-42', 'response:req-42']
    mocks.invocations('Execute Ruleset').first().payload.audit.Payload.trans_id == 'trans-1'

    where:
    age | style    | color  || premium
    19  | 'SPORTS' | 'RED'  || 1200
    30  | 'SPORTS' | 'RED'  || 1100
    21  | 'SPORTS' | 'RED'  || 1000   // the DRL's rules are < 21 and > 21: 21 fires neither
    19  | 'SEDAN'  | 'BLUE' || 1000
  }

  def "#state failing with #error: #outcome"() {
    given:
    mocks.onState(state).willThrow(error, 'boom')

    when:
    def result = rules.run(request(19, 'SPORTS', 'RED'))

    then: 'the attempts are counted by the mocks, the time by the execution'
    result.status == FAILED
    result.error == error
    mocks.invocations(state).size() == attempts
    result.elapsed() == Duration.ofSeconds(seconds)
    mocks.invocations('Audit Response').empty
    state == 'Execute Ruleset' || mocks.invocations('Execute Ruleset').empty

    where:
    state             | error                             | outcome                                  || attempts | seconds
    'Execute Ruleset' | 'Lambda.ServiceException'         | 'retried 6 times, 126 s, then fails'     || 7        | 126
    'Audit Request'   | 'Lambda.AWSLambdaException'       | 'retried 6 times, 126 s, then fails'     || 7        | 126
    'Audit Request'   | 'Lambda.TooManyRequestsException' | 'not in the Retry list: fails at once'   || 1        | 0
    'Execute Ruleset' | 'States.TaskFailed'               | 'a function error is not retried either' || 1        | 0
  }

  @RequiresCapability(EXPRESS_HISTORY) // reads the visited states and events: AWS keeps no history for EXPRESS
  def "#state failing with #error: the history shows #attempts TaskFailed events, #gaps s apart"() {
    given:
    mocks.onState(state).willThrow(error, 'boom')

    when:
    def result = rules.run(request(19, 'SPORTS', 'RED'))

    then:
    result.visitedStates.last() == state
    !('Audit Response' in result.visitedStates)
    result.history.forState(state).ofType(TASK_FAILED).size() == attempts
    Timeline.gaps(result, state, TASK_SCHEDULED) == gaps.collect { Duration.ofSeconds(it) }

    where:
    state             | error                             || attempts | gaps
    'Execute Ruleset' | 'Lambda.ServiceException'         || 7        | [2, 4, 8, 16, 32, 64]
    'Audit Request'   | 'Lambda.AWSLambdaException'       || 7        | [2, 4, 8, 16, 32, 64]
    'Audit Request'   | 'Lambda.TooManyRequestsException' || 1        | []
    'Execute Ruleset' | 'States.TaskFailed'               || 1        | []
  }

  def "the retries outlast API Gateway's 29 s: the fourth retry starts 30 s after the first attempt"() {
    given:
    mocks.onState('Execute Ruleset').willThrow('Lambda.ServiceException').times(4)
        .thenAnswer { call -> IntegrationResults.lambdaPayload([StatusCode: 200, trans_id: 'trans-1', body: premium(call.payload.request)]) }

    when:
    def result = rules.run(request(30, 'SPORTS', 'RED'))

    then: 'the execution succeeds, but a synchronous caller behind API Gateway has had a 504 already'
    result.status == SUCCEEDED
    result.output.policy.premium == 1100
    result.elapsed() == Duration.ofSeconds(2 + 4 + 8 + 16)
    result.elapsed() > Duration.ofSeconds(29)
  }
}
