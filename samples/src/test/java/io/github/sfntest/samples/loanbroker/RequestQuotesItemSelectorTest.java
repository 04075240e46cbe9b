package io.github.sfntest.samples.loanbroker;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.SingleState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loan broker's scatter step, one state at a time: "Request Quotes" is a Map whose item
 * selector ({@code Parameters}) pairs each bank address with the applicant's data. AWS's TestState
 * needs the Map's result mocked; here the Map runs its real iterations in-process, so the test sees
 * what each bank is asked, without the credit bureau and the bank table in front of it.
 */
@StateMachineTest(definition = "loan-broker-scatter-gather/loan-broker-recipient-list.asl.json", name = "LoanBroker")
class RequestQuotesItemSelectorTest {

  static final String APPLICATION = """
      {"SSN": "123-45-6789", "Amount": 500000, "Term": 30, "Credit": {"Score": 700, "History": 10},
       "Banks": {"BankAddress": ["BankRecipientPremium", "BankRecipientPawnshop"]}}""";

  @Test
  @StateUnderTest("Request Quotes")
  void each_bank_is_asked_with_the_applicants_data(SingleState requestQuotes, MockedResponses mocks) {
    mocks.onState("Get Quote").willAnswer(call ->
        Map.of("Payload", Map.of("bankId", call.parameters().get("FunctionName").asText(), "rate", 4.5)));

    var result = requestQuotes.test(APPLICATION);

    assertThat(result).succeeded().goesTo("Filter Results").hasOutputContaining("""
        {"Quotes": [{"Quote": {"bankId": "BankRecipientPremium", "rate": 4.5}},
                    {"Quote": {"bankId": "BankRecipientPawnshop", "rate": 4.5}}]}""");
    mocks.verify("Get Quote").withParameters("""
        {"FunctionName": "BankRecipientPawnshop",
         "Payload": {"SSN": "123-45-6789", "Amount": 500000, "Term": 30, "Credit": {"Score": 700, "History": 10}}}""");
    assertThat(mocks.invocations("Get Quote")).hasSize(2);
  }

  @Test
  @StateUnderTest("Request Quotes")
  void the_map_can_also_be_mocked_as_aws_requires(SingleState requestQuotes) {
    assertThat(requestQuotes.test(state -> state.input(APPLICATION).mockResult("[{\"Quote\": null}]")))
        .succeeded().hasOutputContaining("{\"Quotes\": [{\"Quote\": null}]}");
  }
}
