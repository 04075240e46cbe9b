package io.github.sfntest.samples.loanbroker

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import com.amazonaws.services.lambda.runtime.Context
import com.amazonaws.services.lambda.runtime.RequestHandler
import com.fasterxml.jackson.databind.ObjectMapper
import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestResource
import spock.lang.Specification

/**
 * The Loan Broker's Recipient List with real Lambda handlers, no bank mocked: the three banks are
 * the Java functions of {@link BankFunction}, and the credit bureau is a Groovy handler class
 * ({@link CreditBureauFunction}), both run in-process. Only the DynamoDB table is mocked.
 */
@StateMachineTest(definition = 'loan-broker-scatter-gather/loan-broker-recipient-list.asl.json', name = 'LoanBroker')
class LoanBrokerRealBanksSpec extends Specification {

  StateMachineUnderTest loanBroker
  MockedResponses mocks

  def setup() {
    def item = new ObjectMapper().readTree(TestResource.read('loan-broker-scatter-gather/inputs/loan-broker-banks-table-item.json', 'DynamoDB item').text())
    mocks.onState('Fetch Bank Addresses').willReturn(IntegrationResults.dynamoDbGetItem([Type: item.get('Type'), BankAddress: item.get('BankAddress')]))
    mocks.onLambda('CreditBureau').willInvokeHandler(CreditBureauFunction)
    mocks.onLambda('BankRecipientPremium').willInvokeHandler(BankFunction.Premium)
    mocks.onLambda('BankRecipientUniversal').willInvokeHandler(BankFunction.Universal)
    mocks.onLambda('BankRecipientPawnshop').willInvokeHandler(BankFunction.PawnShop)
  }

  def "real functions: SSN #ssn, amount #amount -> offers from #lenders"() {
    when:
    def result = loanBroker.run(SSN: ssn, Amount: amount, Term: 30)

    then:
    result.status == SUCCEEDED
    result.output.Credit == [Score: CreditBureauFunction.score(ssn), History: 10]
    result.output.Quotes.findAll()*.bankId == lenders

    where:
    ssn           | amount  || lenders
    '123-45-6789' | 500_000 || ['Premium', 'Universal', 'PawnShop']
    '123-45-1450' | 500_000 || ['PawnShop']
    '123-45-1550' | 600_000 || ['Universal']
  }

  def "real functions: a bank's exception fails the request with the exception's class name"() {
    when:
    def result = loanBroker.run(SSN: '123-45-6789', Amount: -5, Term: 30)

    then:
    result.status == FAILED
    result.error == 'java.lang.IllegalArgumentException'
    new ObjectMapper().readTree(result.cause).get('errorType').asText() == 'java.lang.IllegalArgumentException'
  }

  /** The credit bureau as a Groovy Lambda handler: a score from the SSN's last digits (1xyz scores xyz), else 700. */
  static class CreditBureauFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static int score(String ssn) {
      ssn ==~ /\d{3}-\d{2}-1\d{3}/ ? ssn[-3..-1] as int : 700
    }

    @Override
    Map<String, Object> handleRequest(Map<String, Object> request, Context context) {
      String ssn = request.SSN
      [statusCode: 200, request_id: request.RequestId, body: [SSN: ssn, score: score(ssn), history: 10]]
    }
  }
}
