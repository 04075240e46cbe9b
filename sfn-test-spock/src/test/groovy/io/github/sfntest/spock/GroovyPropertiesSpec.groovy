package io.github.sfntest.spock

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED
import static io.github.sfntest.history.HistoryEventType.TASK_STATE_ENTERED

import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.engine.Engine
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.history.MapIteration
import io.github.sfntest.mock.MockedResponses
import spock.lang.Specification

/** One rule makes every record-style accessor of sfn-test's types a Groovy property (SfnGroovyMethods.propertyMissing). */
class GroovyPropertiesSpec extends Specification {

  static final String MACHINE = '''
    {"StartAt": "Each", "States": {
      "Each": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": null, "Next": "Charge",
        "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}},
      "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
        "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "MaxAttempts": 1, "IntervalSeconds": 1}],
        "End": true}}}'''

  MockedResponses mocks = MockedResponses.create()

  ExecutionResult run() {
    mocks.onState('Charge').willThrow('Lambda.ServiceException', 'busy').thenThrow('Payment.Declined', 'expired')
    Engine.inProcess().run(StartRequest.of(StateMachineDefinition.of('Props', MACHINE), '{"items": [1, 2]}')
        .withTaskHandler(mocks))
  }

  def "accessors of results, histories, visits, events, iterations and invocations read as properties"() {
    when:
    def result = run()
    def charge = result.history.stateVisits.find { it.name == 'Charge' }
    def each = result.history.stateVisits.find { it.name == 'Each' }

    then: 'ExecutionResult, with Optionals as values or null'
    result.status == FAILED
    result.error == 'Payment.Declined'
    result.cause == 'expired'
    result.childExecutions == []
    result.mapRuns == []

    and: 'StateVisit'
    charge.attemptErrors == ['Lambda.ServiceException', 'Payment.Declined']
    charge.retries == 1
    charge.attempts == 2
    charge.resource == 'lambda:invoke' // as the history names it
    charge.next == null
    charge.caughtBy == null
    charge.waitedForCallback == false

    and: 'HistoryEvent and ExecutionHistory'
    result.history.events.find { it.type == TASK_STATE_ENTERED }.stateName == 'Charge'
    result.history.events.find { it.type == TASK_FAILED }.stateName == null // only *StateEntered/Exited name a state
    result.history.types.count(TASK_FAILED) == 2

    and: 'MapIteration'
    each.mapIterations*.index == [0, 1]
    each.mapIterations*.status == [MapIteration.Status.SUCCEEDED, MapIteration.Status.SUCCEEDED]

    and: 'TaskInvocation (a record) and the converting getters'
    mocks.invocations('Charge')*.invocationIndex == [0, 1]
    mocks.invocations('Charge').first().payload == [items: [1, 2]]
  }

  def "a property no accessor answers is still a MissingPropertyException"() {
    when:
    run().noSuchThing

    then:
    MissingPropertyException e = thrown()
    e.property == 'noSuchThing'
    e.type == ExecutionResult
  }

  def "other types are left to Groovy"() {
    when:
    new StringBuilder().noSuchThing

    then:
    MissingPropertyException e = thrown()
    e.type == StringBuilder
  }
}
