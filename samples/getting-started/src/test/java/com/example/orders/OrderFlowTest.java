package com.example.orders;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

// [first-test]
@StateMachineTest(definition = "statemachine/order-flow.asl.json",
    substitutions = "ChargeFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:charge")
class OrderFlowTest {

  @Test
  void a_throttled_charge_is_retried_then_the_customer_is_told(StateMachineUnderTest orderFlow, MockedResponses mocks) {
    mocks.onState("ChargeCard")
        .willThrow("Lambda.TooManyRequestsException", "Rate exceeded")
        .thenReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
    mocks.onState("NotifyCustomer").willReturn(Map.of("MessageId", "m-1"));

    ExecutionResult result = orderFlow.run("{\"orderId\": \"42\"}");

    assertThat(result)
        .succeeded()
        .visitedInOrder("ChargeCard", "NotifyCustomer")
        .state("ChargeCard").wasRetried(1);
  }

  @Test
  void a_declined_card_fails_the_order(StateMachineUnderTest orderFlow, MockedResponses mocks) {
    mocks.onState("ChargeCard").willThrow("CardDeclined", "Insufficient funds");

    ExecutionResult result = orderFlow.run("{\"orderId\": \"43\"}");

    assertThat(result).failedWith("PaymentFailed", "The card could not be charged");
  }
}
// [/first-test]
