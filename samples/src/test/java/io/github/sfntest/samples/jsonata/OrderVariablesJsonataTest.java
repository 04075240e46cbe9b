package io.github.sfntest.samples.jsonata;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSONata with variables (a DERIVED sample, see the folder's README): the order loaded by the
 * first task lives in {@code $order}; the Map iterations read it from the outer scope; the total
 * is assigned from the Map result; catchers assign the failed state's name and error for one
 * shared Fail state.
 */
@StateMachineTest(definition = "jsonata-shared-fallback/order-variables-jsonata.derived.asl.json", name = "OrderVariables",
    substitutions = {"LoadOrderArn=arn:aws:lambda:us-east-1:123456789012:function:LoadOrder",
        "ChargeArn=arn:aws:lambda:us-east-1:123456789012:function:Charge"})
class OrderVariablesJsonataTest {

  StateMachineUnderTest orders;
  MockedResponses mocks;

  @BeforeEach
  void anOrderOfTwoItems() {
    mocks.onLambda("LoadOrder").willReturn(Map.of("id", "o-7", "unitPrice", 5,
        "items", List.of(Map.of("sku", "A", "qty", 2), Map.of("sku", "B", "qty", 1))));
    mocks.onLambda("Charge").willAnswer(call -> Map.of("receipt", "r-" + call.parameters().at("/Payload/amount").asInt()));
  }

  /** Scenario: an order of two items (2 x 5 and 1 x 5) is priced item by item and charged 15. */
  @Test
  void theOrderLoadedFirstIsReadByEveryLaterStateAndTheMap() {
    ExecutionResult result = orders.run("{\"orderId\": \"o-7\"}");

    assertThat(result).succeeded()
        .hasPath("LoadOrder", "PriceItems", "Price", "Price", "Charge")
        .hasOutput("{\"orderId\": \"o-7\", \"charged\": 15, \"receipt\": \"r-15\"}");
    assertThat(result).state("LoadOrder")
        .assigned("order", "{\"id\": \"o-7\", \"unitPrice\": 5, \"items\": [{\"sku\": \"A\", \"qty\": 2}, {\"sku\": \"B\", \"qty\": 1}]}");
    assertThat(result).state("PriceItems").hasIterationOutputs("{\"sku\": \"A\", \"total\": 10}", "{\"sku\": \"B\", \"total\": 5}")
        .assigned("total", "15");
    assertThat(result).state("Charge").wasScheduledWithContaining("{\"Payload\": {\"orderId\": \"o-7\", \"amount\": 15}}");
    // AWS records what each state assigned, as JSON strings, on its *StateExited event.
    var exited = result.history().ofType(HistoryEventType.MAP_STATE_EXITED).get(0);
    assertThat(exited.details().orElseThrow().at("/assignedVariables/total").asText()).isEqualTo("15");
  }

  /** Scenario: the payment service is down; the shared Fail state names the state and its error. */
  @Test
  void aFailedChargeEndsInTheFallbackNamedByTheCatchersVariables() {
    mocks.onLambda("Charge").willThrow("PaymentDeclined", "{\"errorMessage\": \"card expired\"}");

    ExecutionResult result = orders.run("{\"orderId\": \"o-7\"}");

    assertThat(result).failedWith("OrderFailed.Charge", "PaymentDeclined")
        .hasPath("LoadOrder", "PriceItems", "Price", "Price", "Charge", "FallbackState");
    assertThat(result).state("Charge").wasCaughtBy("FallbackState")
        .assigned("failedState", "\"Charge\"")
        .assigned("error", "\"PaymentDeclined\"");
  }

  /** Scenario: someone edits the iteration to assign $order; AWS refuses the definition. */
  @Test
  void anIterationMayReadButNotAssignAnOuterVariable() {
    String edited = StateMachineDefinition.fromClasspath("jsonata-shared-fallback/order-variables-jsonata.derived.asl.json")
        .sourceText()
        .replace("\"Output\": \"{% {'sku': $states.input.sku, 'total': $states.input.qty * $order.unitPrice} %}\",",
            "\"Assign\": {\"order\": \"{% $states.input %}\"},");

    assertThatThrownBy(() -> StateMachineDefinition.of("Edited", edited))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("/States/PriceItems/ItemProcessor/States/Price/Assign/order")
        .hasMessageContaining("Variable \"order\" is assigned in an enclosing scope (/States/LoadOrder/Assign/order)");
  }
}
