package io.github.sfntest.samples.loanbroker;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.samples.loanbroker.Banks.PAWNSHOP;
import static io.github.sfntest.samples.loanbroker.Banks.PREMIUM;
import static io.github.sfntest.samples.loanbroker.Banks.UNIVERSAL;
import static io.github.sfntest.samples.loanbroker.Banks.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gregor Hohpe's Loan Broker (spac3lord/eip, MIT), Publish-Subscribe (Scatter-Gather) version: the
 * request is published on an SNS topic with the task token ({@code sns:publish.waitForTaskToken},
 * 5 s timeout); banks subscribed to the topic answer an aggregator, which sends the collected quotes
 * back with SendTaskSuccess once it has enough. If it does not within 5 s, the timeout is caught and
 * the workflow takes whatever the aggregator collected so far.
 *
 * <p>The test plays the aggregator: it reads the token from the published message and answers it,
 * or stays silent and lets the 5 s pass in virtual time.
 */
@StateMachineTest(definition = "loan-broker-scatter-gather/loan-broker-pubsub.asl.json", name = "LoanBrokerPubSub")
class LoanBrokerPubSubTest {

  static final String REQUEST = "loan-broker-scatter-gather/inputs/loan-request.json";
  static final String PUBLISH = "SNS Publish";

  StateMachineUnderTest loanBroker;
  MockedResponses mocks;

  @BeforeEach
  void theCreditBureauAndTheTopic() {
    Banks.creditBureau(mocks, 700, 10);
    mocks.onState(PUBLISH).willWaitForCallback(IntegrationResults.snsPublish("quote request"));
  }

  Execution start() {
    return loanBroker.start(TestResource.read(REQUEST, "loan request").text());
  }

  /** Scenario: the aggregator collects three quotes within 3 s and sends them back with the token. */
  @Test
  void quotesGatheredWithinTheTimeoutAreReturned() {
    Execution execution = start();
    WaitingTask request = execution.awaitTask(PUBLISH);

    // the request goes out with the credit score; the token travels in the RequestId attribute
    assertThat(request.parameters().get("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-2:976509018599:MortgageQuoteRequest");
    assertThat(request.parameters().at("/Message/Credit/Score").asInt()).isEqualTo(700);
    assertThat(request.parameters().at("/MessageAttributes/RequestId/StringValue").asText())
        .isEqualTo(execution.executionArn() + "::" + request.taskToken());
    execution.advanceTime(Duration.ofSeconds(3));
    String quotes = "[" + quote(PREMIUM) + ", " + quote(UNIVERSAL) + ", " + quote(PAWNSHOP) + "]";
    execution.sendTaskSuccess(request.taskToken(), quotes);

    ExecutionResult result = execution.awaitCompletion();
    assertThat(result).succeeded()
        .hasPath("Get Credit Score", PUBLISH)
        .didNotVisit("GetAggregate", "Transform")
        .took(Duration.ofSeconds(3))
        // ResultPath $.Quotes: the request, its credit score and the quotes
        .hasOutput("""
            {"SSN": "123-45-6789", "Amount": 500000, "Term": 30, "Credit": {"Score": 700, "History": 10},
             "Quotes": %s}""".formatted(quotes));
    assertThat(result).state(PUBLISH).waitedForCallback();
  }

  /**
   * Scenario: only one bank answered, so the aggregator never called back. After 5 s the timeout is
   * caught and the workflow asks the aggregator for what it has.
   */
  @Test
  void timeoutTakesTheQuotesAggregatedSoFar() {
    mocks.onLambda("GetAggregate").willReturn(Map.of("Quotes", List.of(Map.of("rate", 5.0, "bankId", "PawnShop"))));

    ExecutionResult result = start().awaitCompletion();

    assertThat(result).succeeded()
        .hasPath("Get Credit Score", PUBLISH, "GetAggregate", "Transform")
        .took(Duration.ofSeconds(5))
        .hasOutput("""
            {"SSN": "123-45-6789", "Amount": 500000, "Term": 30, "Credit": {"Score": 700, "History": 10},
             "Quotes": [{"rate": 5.0, "bankId": "PawnShop"}]}""");
    assertThat(result).state(PUBLISH).failedWith("States.Timeout").wasCaughtBy("GetAggregate");
    assertThat(result).state("GetAggregate").hasInputContaining("{\"Error\": {\"Error\": \"States.Timeout\"}}")
        .wasScheduledWithContaining("{\"Payload\": {\"Id\": \"" + result.executionArn() + "\"}}");
  }

  /** Scenario: the aggregator reports a failure with SendTaskFailure; only timeouts are caught, so the request fails. */
  @Test
  void aggregatorFailureIsNotCaught() {
    Execution execution = start();
    WaitingTask request = execution.awaitTask(PUBLISH);
    execution.sendTaskFailure(request.taskToken(), "AggregatorError", "quote store unavailable");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).failedWith("AggregatorError", "quote store unavailable").didNotVisit("GetAggregate");
  }
}
