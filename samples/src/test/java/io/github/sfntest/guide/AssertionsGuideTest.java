package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/assertions.md: the assertions cookbook, on the getting-started project's order flow. */
class AssertionsGuideTest {

  static final StateMachineDefinition ORDER_FLOW = StateMachineDefinition
      .fromFile(java.nio.file.Path.of("getting-started/src/test/resources/statemachine/order-flow.asl.json"))
      .withSubstitutions(Map.of("ChargeFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:charge"));

  static ExecutionResult run(MockedResponses mocks) {
    try (Engine engine = Engine.inProcess()) {
      return engine.run(StartRequest.of(ORDER_FLOW, "{\"orderId\": \"42\"}").withTaskHandler(mocks));
    }
  }

  @Test
  void a_run_that_succeeded_after_a_retry() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("ChargeCard").willThrow("Lambda.TooManyRequestsException", "Rate exceeded")
        .thenReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
    mocks.onState("NotifyCustomer").willReturn(Map.of("MessageId", "m-1"));
    ExecutionResult result = run(mocks);

    // [assert-success]
    assertThat(result)
        .succeeded()
        .hasPath("ChargeCard", "NotifyCustomer")            // every state entered, in order
        .didNotVisit("PaymentFailed")
        .hasOutputContaining("{\"payment\": {\"charged\": true}}")
        .tookAtLeast(Duration.ofSeconds(2));                // the retry's back-off, in virtual time
    assertThat(result).state("ChargeCard")
        .wasRetried(1)
        .wasScheduledWithContaining("{\"Payload\": {\"orderId\": \"42\"}}");
    assertThat(result).state("NotifyCustomer")
        .wasScheduledWithContaining("{\"Message\": \"Order 42 is paid\"}");
    // [/assert-success]
  }

  @Test
  void a_run_that_failed() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("ChargeCard").willThrow("CardDeclined", "Insufficient funds");
    ExecutionResult result = run(mocks);

    // [assert-failure]
    assertThat(result)
        .failedWith("PaymentFailed", "The card could not be charged")
        .endedIn("PaymentFailed");
    assertThat(result).state("ChargeCard")
        .failedWith("CardDeclined", "Insufficient funds")
        .wasCaughtBy("PaymentFailed");
    assertThat(result.visitedStates()).containsExactly("ChargeCard", "PaymentFailed");   // plain AssertJ
    // [/assert-failure]
  }
}
