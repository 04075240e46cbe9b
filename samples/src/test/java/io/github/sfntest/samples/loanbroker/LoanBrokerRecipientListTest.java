package io.github.sfntest.samples.loanbroker;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.samples.loanbroker.Banks.PAWNSHOP;
import static io.github.sfntest.samples.loanbroker.Banks.PREMIUM;
import static io.github.sfntest.samples.loanbroker.Banks.UNIVERSAL;
import static io.github.sfntest.samples.loanbroker.Banks.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gregor Hohpe's Loan Broker (spac3lord/eip, MIT), Recipient List version: get the customer's
 * credit score, read the list of banks from DynamoDB, ask every bank on the list for a quote in a
 * Map (each iteration calls a different Lambda function, {@code "FunctionName.$": "$.function"}),
 * and return the quotes.
 */
@StateMachineTest(definition = "loan-broker-scatter-gather/loan-broker-recipient-list.asl.json", name = "LoanBroker")
class LoanBrokerRecipientListTest {

  static final String REQUEST = "loan-broker-scatter-gather/inputs/loan-request.json";

  StateMachineUnderTest loanBroker;
  MockedResponses mocks;

  @BeforeEach
  void theBanksTable() {
    // the item pre-populated in the LoanBrokerBanks table (attribute values as DynamoDB stores them)
    JsonNode item = json(TestResource.read("loan-broker-scatter-gather/inputs/loan-broker-banks-table-item.json", "DynamoDB item").text());
    mocks.onState("Fetch Bank Addresses").willReturn(IntegrationResults.dynamoDbGetItem(
        Map.of("Type", item.get("Type"), "BankAddress", item.get("BankAddress"))));
    Banks.quoting(mocks, PREMIUM, UNIVERSAL, PAWNSHOP);
  }

  /** Scenario: good credit (700) for 500,000 over 30 years: all three banks on the list quote. */
  @Test
  void everyBankOnTheListQuotesForAGoodCreditScore() {
    Banks.creditBureau(mocks, 700, 10);

    ExecutionResult result = loanBroker.runWithInputFrom(REQUEST);

    assertThat(result).succeeded()
        .visitedInOrder("Get Credit Score", "Fetch Bank Addresses", "Request Quotes", "Filter Results")
        .hasOutput("""
            {"SSN": "123-45-6789", "Amount": 500000, "Term": 30, "Credit": {"Score": 700, "History": 10},
             "Quotes": [%s, %s, %s]}""".formatted(quote(PREMIUM), quote(UNIVERSAL), quote(PAWNSHOP)))
        .took(Duration.ZERO);
    // the credit bureau is asked with the SSN and this execution's id
    assertThat(result).state("Get Credit Score").wasScheduledWith("""
        {"FunctionName": "CreditBureau:$LATEST", "Payload": {"SSN": "123-45-6789", "RequestId": "%s"}}"""
        .formatted(result.executionArn()));
    // the DynamoDB list projected to plain names: the recipient list
    assertThat(result).state("Fetch Bank Addresses").hasOutputContaining(
        "{\"Banks\": {\"BankAddress\": [\"BankRecipientPremium\", \"BankRecipientUniversal\", \"BankRecipientPawnshop\"]}}");
    assertThat(result).state("Request Quotes").hasIterations(3).allIterationsSucceeded();
    assertThat(mocks.invocations("Get Quote")).extracting(call -> call.parameters().get("FunctionName").asText())
        .containsExactlyInAnyOrder("BankRecipientPremium", "BankRecipientUniversal", "BankRecipientPawnshop");
    mocks.verify("Get Quote").withParameters("""
        {"FunctionName": "BankRecipientPremium",
         "Payload": {"SSN": "123-45-6789", "Amount": 500000, "Term": 30, "Credit": {"Score": 700, "History": 10}}}""");
  }

  /** Scenario: a weak credit score (450): only the pawn shop lends; the other banks answer nothing. */
  @Test
  void onlyThePawnShopQuotesForAWeakCreditScore() {
    Banks.creditBureau(mocks, 450, 3);

    ExecutionResult result = loanBroker.runWithInputFrom(REQUEST);

    assertThat(result).succeeded().hasOutputContaining("{\"Credit\": {\"Score\": 450, \"History\": 3}}");
    JsonNode quotes = result.output().orElseThrow().get("Quotes");
    List<JsonNode> offers = StreamSupport.stream(quotes.spliterator(), false).filter(q -> !q.isNull()).toList();
    assertThat(offers).singleElement().satisfies(offer -> {
      assertThat(offer.get("bankId").asText()).isEqualTo("PawnShop");
      assertThat(offer.get("rate").decimalValue()).isEqualByComparingTo("5.0");
    });
  }

  /** Scenario: the credit bureau is slow once (1 s timeout); the single retry after 1 s gets the score. */
  @Test
  void slowCreditBureauIsRetriedOnce() {
    Banks.creditBureau(mocks, 700, 10);
    mocks.onState("Get Credit Score").willThrow("States.Timeout")
        .thenReturn(IntegrationResults.lambdaPayload(Map.of("statusCode", 200,
            "body", Map.of("SSN", "123-45-6789", "score", 640, "history", 8))));

    ExecutionResult result = loanBroker.runWithInputFrom(REQUEST);

    assertThat(result).succeeded().took(Duration.ofSeconds(1 + 1))
        .hasOutputContaining("{\"Credit\": {\"Score\": 640, \"History\": 8}}");
    assertThat(result).state("Get Credit Score").wasRetried(1).didNotFail();
  }

  /** Scenario: the credit bureau times out twice: the one retry is used up and the request fails. */
  @Test
  void creditBureauDownFailsTheRequest() {
    mocks.onState("Get Credit Score").willThrow("States.Timeout");

    ExecutionResult result = loanBroker.runWithInputFrom(REQUEST);

    assertThat(result).failedWith("States.Timeout").endedIn("Get Credit Score").took(Duration.ofSeconds(1 + 1 + 1));
    assertThat(result).state("Get Credit Score").wasRetried(1).failedWith("States.Timeout");
    mocks.verify("Get Quote").never();
  }

  /**
   * Scenario: an invalid SSN. The bureau answers 400 without a score, so the ResultSelector's
   * {@code $.Payload.body.score} does not exist and the execution fails with States.Runtime.
   */
  @Test
  void invalidSsnFailsBecauseTheBureauReturnsNoScore() {
    Banks.creditBureau(mocks, 700, 10);

    ExecutionResult result = loanBroker.run("{\"SSN\": \"123-45-6789xxx\", \"Amount\": 500000, \"Term\": 30}");

    assertThat(result).failedWith("States.Runtime").endedIn("Get Credit Score");
    mocks.verify("Fetch Bank Addresses").never();
  }

  static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
