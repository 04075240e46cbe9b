package io.github.sfntest.samples.loanbroker

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import com.fasterxml.jackson.databind.ObjectMapper
import io.github.sfntest.engine.Execution
import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachine
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestResource
import java.time.Duration
import spock.lang.Specification

/**
 * Gregor Hohpe's Loan Broker (loan-broker-scatter-gather/README.md; spac3lord/eip, MIT, notice in
 * LICENSE-eip.txt), both scatter-gather variants: the Recipient List (a Map calls every bank listed
 * in DynamoDB) and Publish-Subscribe (SNS publish with a task token; an aggregator answers, or after
 * 5 s the broker takes what was aggregated). Bureau and banks are closures with the published rules.
 */
@StateMachineTest(definition = 'loan-broker-scatter-gather/loan-broker-recipient-list.asl.json', name = 'LoanBroker',
    machines = @StateMachine(value = 'LoanBrokerPubSub', definition = 'loan-broker-scatter-gather/loan-broker-pubsub.asl.json'))
class LoanBrokerSpec extends Specification {

  static final String REQUEST = 'loan-broker-scatter-gather/inputs/loan-request.json'
  static final String PUBLISH = 'SNS Publish'

  /** function -> [bankId, rate, max loan, min score], as published. */
  static final Map<String, List> BANKS = [
      BankRecipientPremium  : ['Premium', 3.0, 900_000, 600],
      BankRecipientUniversal: ['Universal', 4.0, 700_000, 500],
      BankRecipientPawnshop : ['PawnShop', 5.0, 500_000, 400]]

  StateMachineUnderTest loanBroker
  @StateMachine('LoanBrokerPubSub') StateMachineUnderTest pubSub
  MockedResponses mocks

  /** The credit bureau: a score for a valid SSN, statusCode 400 without one otherwise. */
  void creditBureau(int score, int history = 10) {
    // lenient: shared by scenarios, and a bureau timeout mocked on the state answers before it
    mocks.onLambda('CreditBureau').lenient()
    mocks.onLambda('CreditBureau').willAnswer { call ->
      String ssn = call.payload.SSN
      ssn ==~ /\d{3}-\d{2}-\d{4}/
          ? [statusCode: 200, request_id: call.payload.RequestId, body: [SSN: ssn, score: score, history: history]]
          : [statusCode: 400, request_id: call.payload.RequestId, body: [SSN: ssn]]
    }
  }

  def setup() {
    def item = new ObjectMapper().readTree(TestResource.read('loan-broker-scatter-gather/inputs/loan-broker-banks-table-item.json', 'DynamoDB item').text())
    mocks.onState('Fetch Bank Addresses').willReturn(IntegrationResults.dynamoDbGetItem([Type: item.get('Type'), BankAddress: item.get('BankAddress')]))
    BANKS.each { function, bank ->
      def (bankId, rate, maxLoan, minScore) = bank
      mocks.onLambda(function).willAnswer { call ->
        call.payload.Amount <= maxLoan && call.payload.Credit.Score >= minScore ? [rate: rate, bankId: bankId] : null
      }
    }
  }

  // --- Recipient List ------------------------------------------------------------------------

  def "recipient list: score #score, amount #amount -> offers from #lenders"() {
    given:
    creditBureau(score)

    when:
    def result = loanBroker.run(SSN: '123-45-6789', Amount: amount, Term: 30)

    then: 'every bank on the list was asked, in list order; those that cannot lend answer null'
    result.status == SUCCEEDED
    result.output.Credit == [Score: score, History: 10]
    result.output.Quotes.size() == 3
    result.output.Quotes.findAll()*.bankId == lenders
    mocks.invocations('Get Quote')*.args*.FunctionName.toSet() == BANKS.keySet()

    where:
    score | amount  || lenders
    700   | 500_000 || ['Premium', 'Universal', 'PawnShop']
    450   | 500_000 || ['PawnShop']
    550   | 600_000 || ['Universal']
    650   | 800_000 || ['Premium']
    350   | 100_000 || []
  }

  def "recipient list: the bureau is asked with this execution's id and the banks get the scored request"() {
    given:
    creditBureau(700)

    when:
    def result = loanBroker.runWithInputFrom(REQUEST)

    then:
    mocks.invocations('Get Credit Score').first().args == [FunctionName: 'CreditBureau:$LATEST',
                                                           Payload: [SSN: '123-45-6789', RequestId: result.executionArn()]]
    mocks.invocations('Get Quote').find { it.args.FunctionName == 'BankRecipientPremium' }.payload ==
        [SSN: '123-45-6789', Amount: 500000, Term: 30, Credit: [Score: 700, History: 10]]
    assertThat(result).state('Request Quotes').hasIterations(3).allIterationsSucceeded()
  }

  def "recipient list: the bureau times out #timeouts time(s) -> #outcome"() {
    given:
    creditBureau(700)
    mocks.onState('Get Credit Score').willThrow('States.Timeout').times(timeouts)
        .thenReturn(IntegrationResults.lambdaPayload([statusCode: 200, body: [SSN: '123-45-6789', score: 640, history: 8]]))

    when:
    def result = loanBroker.runWithInputFrom(REQUEST)

    then:
    result.status == status
    result.error == error
    result.elapsed() == Duration.ofSeconds(seconds)
    mocks.invocations('Get Quote').size() == (status == SUCCEEDED ? 3 : 0)

    where:
    timeouts || outcome                            | status    | error            | seconds
    1        || 'the single retry gets the score'  | SUCCEEDED | null             | 1 + 1
    2        || 'the retry is used up, it fails'   | FAILED    | 'States.Timeout' | 1 + 1 + 1
  }

  def "recipient list: an invalid SSN gets no score, so the ResultSelector path is missing (States.Runtime)"() {
    given:
    creditBureau(700)

    when:
    def result = loanBroker.run(SSN: '123-45-6789xxx', Amount: 500000, Term: 30)

    then:
    result.status == FAILED
    result.error == 'States.Runtime'
    result.visitedStates.last() == 'Get Credit Score'
    mocks.invocations('Fetch Bank Addresses').empty
  }

  // --- Publish-Subscribe ---------------------------------------------------------------------

  Execution publishRequest() {
    creditBureau(700)
    mocks.onState(PUBLISH).willWaitForCallback(IntegrationResults.snsPublish('quote request'))
    pubSub.start(TestResource.read(REQUEST, 'loan request').text())
  }

  def "pub-sub: the aggregator answers with the token after 3 s; the quotes land at \$.Quotes"() {
    given:
    def execution = publishRequest()
    def quotes = [[rate: 3.0, bankId: 'Premium'], [rate: 4.0, bankId: 'Universal']]

    when:
    def request = execution.awaitTask(PUBLISH)
    execution.advanceTime(Duration.ofSeconds(3))
    execution.sendTaskSuccess(request.taskToken(), new ObjectMapper().writeValueAsString(quotes))
    def result = execution.awaitCompletion()

    then: 'the token travels in the RequestId attribute, after the execution ARN'
    request.parameters().get('TopicArn').asText() == 'arn:aws:sns:us-east-2:976509018599:MortgageQuoteRequest'
    request.parameters().at('/Message/Credit/Score').asInt() == 700
    request.parameters().at('/MessageAttributes/RequestId/StringValue').asText() == "${execution.executionArn()}::${request.taskToken()}".toString()

    and:
    result.status == SUCCEEDED
    result.visitedStates == ['Get Credit Score', PUBLISH]
    result.elapsed() == Duration.ofSeconds(3)
    result.output == [SSN: '123-45-6789', Amount: 500000, Term: 30, Credit: [Score: 700, History: 10], Quotes: quotes]
  }

  def "pub-sub: without a callback the 5 s timeout is caught and the quotes aggregated so far are taken"() {
    given:
    mocks.onLambda('GetAggregate').willAnswer { call -> [Quotes: [[rate: 5.0, bankId: 'PawnShop']], askedFor: call.payload.Id] }

    when:
    def result = publishRequest().awaitCompletion()

    then:
    result.status == SUCCEEDED
    result.visitedStates == ['Get Credit Score', PUBLISH, 'GetAggregate', 'Transform']
    result.elapsed() == Duration.ofSeconds(5)
    result.output.Quotes == [[rate: 5.0, bankId: 'PawnShop']]
    mocks.invocations('GetAggregate').first().payload.Id == result.executionArn()
    assertThat(result).state(PUBLISH).failedWith('States.Timeout').wasCaughtBy('GetAggregate')
  }

  def "pub-sub: an aggregator failure is not caught (only States.Timeout is)"() {
    given:
    def execution = publishRequest()

    when:
    execution.sendTaskFailure(execution.awaitTask(PUBLISH).taskToken(), 'AggregatorError', 'quote store unavailable')
    def result = execution.awaitCompletion()

    then:
    result.status == FAILED
    result.error == 'AggregatorError'
    result.cause == 'quote store unavailable'
    !('GetAggregate' in result.visitedStates)
  }
}
