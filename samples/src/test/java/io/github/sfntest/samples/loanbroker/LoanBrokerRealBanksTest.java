package io.github.sfntest.samples.loanbroker;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.samples.loanbroker.Banks.PAWNSHOP;
import static io.github.sfntest.samples.loanbroker.Banks.PREMIUM;
import static io.github.sfntest.samples.loanbroker.Banks.UNIVERSAL;
import static io.github.sfntest.samples.loanbroker.Banks.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Loan Broker's Recipient List with its banks as real Java Lambda functions ({@link
 * BankFunction}), run in-process: no bank is mocked. The credit bureau and the DynamoDB table stay
 * mocked, so one execution mixes mocked and real tasks.
 */
@StateMachineTest(definition = "loan-broker-scatter-gather/loan-broker-recipient-list.asl.json", name = "LoanBroker")
class LoanBrokerRealBanksTest {

  StateMachineUnderTest loanBroker;
  MockedResponses mocks;

  @BeforeEach
  void theBanksAreRealFunctions() {
    JsonNode item = LoanBrokerRecipientListTest.json(
        TestResource.read("loan-broker-scatter-gather/inputs/loan-broker-banks-table-item.json", "DynamoDB item").text());
    mocks.onState("Fetch Bank Addresses").willReturn(IntegrationResults.dynamoDbGetItem(
        Map.of("Type", item.get("Type"), "BankAddress", item.get("BankAddress"))));
    // [real-lambda-handlers]
    mocks.onLambda(PREMIUM.function()).willInvokeHandler(BankFunction.Premium.class);
    mocks.onLambda(UNIVERSAL.function()).willInvokeHandler(BankFunction.Universal.class);
    mocks.onLambda(PAWNSHOP.function()).willInvokeHandler(BankFunction.PawnShop.class);
    // [/real-lambda-handlers]
  }

  /** Good credit (700) for 500,000: each bank's own code quotes. */
  @Test
  void everyBankFunctionQuotesForAGoodCreditScore() {
    Banks.creditBureau(mocks, 700, 10);

    ExecutionResult result = loanBroker.runWithInputFrom(LoanBrokerRecipientListTest.REQUEST);

    assertThat(result).succeeded()
        .hasOutputContaining("{\"Quotes\": [%s, %s, %s]}".formatted(quote(PREMIUM), quote(UNIVERSAL), quote(PAWNSHOP)));
    // The Map iteration saw the lambda:invoke response AWS returns around the function's result.
    assertThat(result).state("Request Quotes").hasIterations(3).allIterationsSucceeded();
  }

  /** A weak score (450): Premium and Universal decline (their functions return null), the pawn shop lends. */
  @Test
  void onlyThePawnShopFunctionLendsForAWeakCreditScore() {
    Banks.creditBureau(mocks, 450, 3);

    ExecutionResult result = loanBroker.runWithInputFrom(LoanBrokerRecipientListTest.REQUEST);

    assertThat(result).succeeded().hasOutputContaining("{\"Quotes\": [null, null, %s]}".formatted(quote(PAWNSHOP)));
  }

  /**
   * A negative amount: the bank functions throw, so the Map iteration fails with the error a Java
   * function's unhandled exception gives on AWS: its class name, and the runtime's error document
   * as the cause. The Retry (Lambda.* errors only) does not apply.
   */
  @Test
  void aBankFunctionsExceptionFailsTheRequestWithItsClassName() {
    Banks.creditBureau(mocks, 700, 10);

    ExecutionResult result = loanBroker.run("{\"SSN\": \"123-45-6789\", \"Amount\": -5, \"Term\": 30}");

    assertThat(result).failedWith("java.lang.IllegalArgumentException").endedIn("Request Quotes");
    Assertions.assertThat(result.cause()).hasValueSatisfying(cause -> Assertions.assertThat(cause)
        .startsWith("{\"errorMessage\":\"the amount must be positive, got -5\","
            + "\"errorType\":\"java.lang.IllegalArgumentException\",\"stackTrace\":[\"io.github.sfntest.samples.loanbroker.BankFunction.handleRequest("));
  }
}
