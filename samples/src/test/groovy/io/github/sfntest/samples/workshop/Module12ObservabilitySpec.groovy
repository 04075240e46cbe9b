package io.github.sfntest.samples.workshop

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.teststate.TestStateStatus
import java.time.Duration
import spock.lang.Specification

/** Step Functions workshop, module 12: sentiment routing, and what fails the executions the dashboards show. */
@StateMachineTest(definition = 'step-functions-workshop/module12-observability-detect-sentiment.asl.json',
    name = 'WorkshopObservabilitySpock',
    substitutions = ['DetectSentimentFunction=arn:aws:lambda:us-east-1:123456789012:function:DetectSentiment'])
class Module12ObservabilitySpec extends Specification {

  StateMachineUnderTest workflow
  MockedResponses mocks

  def "the Choice alone sends #sentiment to #next"() {
    expect:
    def result = workflow.testState('Good or Bad?', """{"sentiment": {"Sentiment": "$sentiment"}}""")
    result.status() == TestStateStatus.SUCCEEDED
    result.nextState().orElse(null) == next

    where:
    sentiment  || next
    'POSITIVE' || 'Positive'
    'NEGATIVE' || 'Negative'
    'NEUTRAL'  || 'Negative'
    'positive' || 'Negative'   // case-sensitive
  }

  def "#what fails the execution with #error"() {
    given:
    mocks.onLambda('DetectSentiment').willReturn(
        [caseId: 'c-1', sentimentResponse: [Sentiment: 'NEGATIVE', SentimentScore: [Negative: 1]]])
        .withLatency(Duration.ofSeconds(latency))
    // lenient: the timeout row fails before the Parallel and never writes
    mocks.onState('Record Transaction').willThrow('DynamoDB.ProvisionedThroughputExceededException', 'throttled').lenient()

    when:
    def result = workflow.run([caseId: 'c-1', message: 'meh'])

    then:
    result.status == FAILED
    result.error == error
    result.visitedStates.contains('Parallel') == reachedParallel

    where:
    what                    | latency || error                                            | reachedParallel
    'DynamoDB throttling'   | 1       || 'DynamoDB.ProvisionedThroughputExceededException' | true
    'a 6 s sentiment call'  | 6       || 'States.Timeout'                                  | false
  }

  def "a recorded case ends in both branches' outputs"() {
    given:
    mocks.onLambda('DetectSentiment').willReturn([caseId: 'c-2', sentimentResponse: [Sentiment: 'POSITIVE', SentimentScore: [Positive: 1]]])
    mocks.onState('Record Transaction').willReturn([:])

    when:
    def result = workflow.run([caseId: 'c-2'])

    then:
    result.status == SUCCEEDED
    def sentiment = [Sentiment: 'POSITIVE', SentimentScore: [Positive: 1]]
    result.output == [[caseId: 'c-2', sentiment: sentiment], [caseId: 'c-2', sentiment: sentiment, ddbPutResult: [:]]]
    mocks.invocations('Record Transaction')[0].args.Item.score == [S: '{"Positive":1}']
  }
}
