package io.github.sfntest.samples.loanbroker

import static io.github.sfntest.assertions.SfnAssertions.assertThat

import com.fasterxml.jackson.databind.ObjectMapper
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.teststate.TestStateStatus
import spock.lang.Specification

/**
 * The loan broker's scatter step, one state at a time (the Spock twin of RequestQuotesItemSelectorTest):
 * "Request Quotes" is a Map whose item selector ({@code Parameters}) pairs each bank address with the
 * applicant's data. AWS's TestState needs the Map's result mocked; here the Map runs its real
 * iterations in-process, so each row shows what every bank is asked, without the credit bureau and
 * the bank table in front of it.
 */
@StateMachineTest(definition = 'loan-broker-scatter-gather/loan-broker-recipient-list.asl.json', name = 'LoanBroker')
class RequestQuotesItemSelectorSpec extends Specification {

  static final Map APPLICANT = [SSN: '123-45-6789', Amount: 500000, Term: 30, Credit: [Score: 700, History: 10]]

  static String json(Object value) {
    new ObjectMapper().writeValueAsString(value)
  }

  StateMachineUnderTest loanBroker
  MockedResponses mocks

  def "the banks #banks are each asked once, with the applicant's data"() {
    given:
    mocks.onState('Get Quote').willAnswer { call -> [Payload: [bankId: call.args.FunctionName, rate: 4.5]] }
    def input = json(APPLICANT + [Banks: [BankAddress: banks]])

    when:
    def result = loanBroker.testState('Request Quotes', input)

    then:
    result.status() == TestStateStatus.SUCCEEDED
    result.nextState().orElse(null) == 'Filter Results'
    mocks.invocations('Get Quote')*.args*.FunctionName == banks
    mocks.invocations('Get Quote')*.args*.Payload.every { it == APPLICANT }
    assertThat(result).hasOutputContaining(json(
        [Quotes: banks.collect { [Quote: [bankId: it, rate: 4.5]] }]))

    where:
    banks << [['BankRecipientPremium'],
              ['BankRecipientPremium', 'BankRecipientPawnshop'],
              ['BankRecipientPremium', 'BankRecipientUniversal', 'BankRecipientPawnshop']]
  }

  def "the Map can also be mocked, as AWS's TestState requires"() {
    expect:
    assertThat(loanBroker.testState('Request Quotes') {
      it.input(json(APPLICANT + [Banks: [BankAddress: ['BankRecipientPremium']]]))
          .mockResult('[{"Quote": null}]')
    }).succeeded().goesTo('Filter Results').hasOutputContaining('{"Quotes": [{"Quote": null}]}')
  }
}
