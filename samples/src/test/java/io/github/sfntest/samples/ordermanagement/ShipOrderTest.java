package io.github.sfntest.samples.ordermanagement;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order-shipping workflow of aws-samples "app-order-management": an {@code OrderCreated} event
 * is validated (Choice), the customer is checked for fraud (Lambda), every product is reserved in a
 * Map whose iterations wait 10 s and try again while a product is temporarily unavailable, and the
 * packaging service is asked through SQS to ship ({@code .waitForTaskToken}, 3 h timeout).
 */
@StateMachineTest(definition = "order-management-callback/ship-order.asl.json", name = "ShipOrder",
    substitutions = {
        "LambdaGetCustomerStatus=arn:aws:lambda:us-east-1:123456789012:function:GetCustomerStatus",
        "LambdaReserveProduct=arn:aws:lambda:us-east-1:123456789012:function:ReserveProduct",
        "PackageAndShipQueue=https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip",
        "EventBusName=orders",
        "SnsNewOrderTopic=arn:aws:sns:us-east-1:123456789012:NewOrder"})
class ShipOrderTest {

  static final String ORDER = "order-management-callback/events/example-multiproduct.event.json";
  static final String FRAUD_ORDER = "order-management-callback/events/example-fraud.event.json";
  static final String SHIP = "Initate Packaging and Shipping"; // sic, as upstream

  static final String RESERVED_TSHIRT =
      "{\"product_id\": 788032119674292900, \"sku\": \"encrypt-everything-tshirt\", \"reservation_status\": \"success\"}";
  static final String RESERVED_NINJA =
      "{\"product_id\": 308970707089325490, \"sku\": \"ninja-disguise-tshirt\", \"reservation_status\": \"success\"}";

  StateMachineUnderTest shipOrder;
  MockedResponses mocks;
  /** How often each product was asked for: the reservation mock answers from it. */
  final Map<String, AtomicInteger> reserveCalls = new ConcurrentHashMap<>();
  /** Products that are out of stock for their first N reservation attempts. */
  final Map<String, Integer> unavailableFor = new ConcurrentHashMap<>();

  @BeforeEach
  void theServices() {
    // like the real function: a customer whose name contains "fraud" is fraudulent
    mocks.onLambda("GetCustomerStatus").willAnswer(call ->
        Map.of("status", call.parameters().at("/Payload/name").asText().contains("fraud") ? "fraudulent" : "active"));
    mocks.onLambda("ReserveProduct").willAnswer(call -> {
      String sku = call.parameters().at("/Payload/sku").asText();
      int attempt = reserveCalls.computeIfAbsent(sku, s -> new AtomicInteger()).incrementAndGet();
      String status = attempt <= unavailableFor.getOrDefault(sku, 0) ? "temporarily-unavailable" : "success";
      return Map.of("product_id", call.parameters().at("/Payload/product_id"), "sku", sku, "reservation_status", status);
    });
    mocks.onResource("arn:aws:states:::events:putEvents").willReturn(IntegrationResults.eventBridgePutEvents(1));
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(IntegrationResults.snsPublish("new order"));
    mocks.onState(SHIP).willWaitForCallback(IntegrationResults.sqsSendMessage("order"));
  }

  Execution start(String eventFile) {
    return shipOrder.start(TestResource.read(eventFile, "order event").text());
  }

  /** Scenario: two products in stock; the warehouse ships within 2 hours and reports success. */
  @Test
  void orderIsReservedShippedAndReported() {
    Execution execution = start(ORDER);
    WaitingTask shipping = execution.awaitTask(SHIP);

    // what the packaging service receives on its queue
    assertThat(shipping.parameters().get("QueueUrl").asText())
        .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip");
    JsonNode message = shipping.parameters().get("MessageBody");
    assertThat(message.get("token").asText()).isEqualTo(shipping.taskToken());
    assertThat(message.at("/order_detail/order_id").asLong()).isEqualTo(1073459984L);
    assertThat(message.get("reservations")).hasSize(2);
    assertThat(message.at("/reservations/0/reservation_status").asText()).isEqualTo("success");
    execution.advanceTime(Duration.ofHours(2));
    execution.sendTaskSuccess(shipping.taskToken(), "{\"shipping_status\": \"successful\"}");

    ExecutionResult result = execution.awaitCompletion();
    assertThat(result).succeeded()
        .visitedInOrder("Validate Input", "Get Customer Status", "Do Fraud Check", "Notify New Order", "Reserve Products",
            "Notify Products Reserved", SHIP, "Notify Successful Shipping", "Order Shipped Successfully")
        .didNotVisit("Notify Delayed", "Wait for availability", "Notify Fraudulent Customer")
        // no ResultPath on the callback task: its result is what the workflow ends with
        .hasOutput("{\"shipping_status\": \"successful\"}")
        .took(Duration.ofHours(2));
    assertThat(result).state("Reserve Products").hasIterations(2).allIterationsSucceeded().hasIterationOutputs(
        RESERVED_TSHIRT, RESERVED_NINJA);
    assertThat(result).state(SHIP).waitedForCallback().receivedCallback("{\"shipping_status\": \"successful\"}");
    assertThat(result).state("Get Customer Status").wasScheduledWithContaining(
        "{\"Payload\": {\"name\": \"John Doe\", \"email\": \"john.doe@example.org\", \"phone\": \"+1 604 123 1234\"}}");
    // the new-order notification publishes the whole event (the execution input) on the topic
    JsonNode published = mocks.invocations("Notify New Order").get(0).parameters();
    assertThat(published.get("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:NewOrder");
    assertThat(published.get("Message")).isEqualTo(result.input());
    assertThat(result).state("Notify Successful Shipping").wasScheduledWithContaining(
        "{\"Entries\": [{\"Detail\": {\"workflow_id\": \"" + result.executionArn() + "\"},"
            + " \"DetailType\": \"ShippingSuccessful\", \"EventBusName\": \"orders\", \"Source\": \"com.orders.shipping\"}]}");
  }

  /**
   * Scenario: the ninja T-shirt is out of stock twice. Its iteration reports the delay, waits 10 s
   * and tries again, twice, then reserves it; the other product is reserved at once.
   */
  @Test
  void unavailableProductIsRetriedEveryTenSecondsUntilReserved() {
    unavailableFor.put("ninja-disguise-tshirt", 2);

    Execution execution = start(ORDER);
    WaitingTask shipping = execution.awaitTask(SHIP);
    execution.sendTaskSuccess(shipping.taskToken(), "{\"shipping_status\": \"successful\"}");
    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().took(Duration.ofSeconds(20));
    assertThat(result).state("Reserve Products").hasIterations(2).allIterationsSucceeded().hasIterationOutputs(
        RESERVED_TSHIRT, RESERVED_NINJA);
    assertThat(result).state("Wait for availability").wasEnteredTimes(2);
    assertThat(result).events().inIteration("Reserve Products", 0).ofType(TASK_SCHEDULED).hasSize(1);
    assertThat(result).events().inIteration("Reserve Products", 1).ofType(TASK_SCHEDULED).hasSize(3 + 2);
    assertThat(reserveCalls.get("ninja-disguise-tshirt")).hasValue(3);
    // each delay is announced with the product, the order and this execution's id (from the context object)
    assertThat(result).state("Notify Delayed").wasScheduledWith("""
        {"Entries": [{"Detail": {"delay_reason": "Product Temporarily Un-Available", "product_id": 308970707089325490,
                                 "order_id": 1073459984, "workflow_id": "%s"},
                      "DetailType": "OrderShippingDelayed", "EventBusName": "orders", "Source": "com.orders.shipping"}]}"""
        .formatted(result.executionArn()));
    assertThat(Timeline.gaps(result, "Reserve Product", TASK_SCHEDULED).stream().filter(d -> !d.isZero()))
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    // ResultPath $.reservations keeps the Map's input (the fraud check's output) beside the reservations
    assertThat(result).state("Reserve Products").hasOutputContaining("{\"reservations\": [{}, {}]}");
  }

  /** Scenario: a fraudulent customer; the order is refused and the workflow fails with order_shipping_failed. */
  @Test
  void fraudulentCustomerIsRefused() {
    ExecutionResult result = start(FRAUD_ORDER).awaitCompletion();

    assertThat(result).failedWith("order_shipping_failed")
        .hasPath("Validate Input", "Get Customer Status", "Do Fraud Check", "Notify Fraudulent Customer", "Order Shipping Failed")
        .took(Duration.ZERO);
    assertThat(result.cause()).isEmpty();
    JsonNode detail = mocks.invocations("Notify Fraudulent Customer").get(0).parameters().at("/Entries/0/Detail");
    assertThat(detail.get("error_message").asText()).isEqualTo("FraudulentCustomer");
    assertThat(detail.get("order_event")).isEqualTo(result.input());
    mocks.verify("Notify New Order").never();
    mocks.verify("Reserve Product").never();
  }

  /** Scenario: an event without products is invalid; it is reported (the report is retried once) and the workflow fails. */
  @Test
  void orderWithoutProductsIsRejectedAsInvalid() {
    mocks.onState("Notify Invalid Input").willThrow("EventBridge.InternalException", "try again")
        .thenReturn(IntegrationResults.eventBridgePutEvents(1));

    ExecutionResult result = shipOrder.run("{\"detail-type\": \"OrderCreated\", \"detail\": {\"order_id\": 1, \"products\": []}}");

    assertThat(result).failedWith("order_shipping_failed")
        .hasPath("Validate Input", "Notify Invalid Input", "Order Shipping Failed")
        .took(Duration.ofSeconds(1));
    assertThat(result).state("Notify Invalid Input").wasRetried(1).didNotFail()
        .wasScheduledWithContaining("{\"Entries\": [{\"Detail\": {\"error_message\": \"InvalidInput\"}}]}");
    mocks.verify("Get Customer Status").never();
  }

  /** Scenario: an event of another type is invalid too. */
  @Test
  void eventOfAnotherTypeIsRejectedAsInvalid() {
    String json = TestResource.read(ORDER, "order event").text().replace("\"OrderCreated\"", "\"OrderUpdated\"");

    assertThat(shipOrder.run(json)).failedWith("order_shipping_failed").visited("Notify Invalid Input");
  }

  /**
   * Scenario: the customer-status Lambda is flaky (an error, then a Lambda service error). Each
   * retrier waits its own interval (1 s for States.ALL, 2 s for Lambda service errors).
   */
  @Test
  void flakyCustomerStatusServiceIsRetriedByTheMatchingRetrier() {
    mocks.onState("Get Customer Status").willThrow("Exception", "random failure")
        .thenThrow("Lambda.ServiceException", "service error")
        .thenReturn(IntegrationResults.lambdaPayload(Map.of("status", "active")));

    Execution execution = start(ORDER);
    execution.sendTaskSuccess(execution.awaitTask(SHIP).taskToken(), "{}");
    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().took(Duration.ofSeconds(3));
    assertThat(result).state("Get Customer Status").wasRetried(2).hasOutput("{\"status\": \"active\"}");
    assertThat(Timeline.gaps(result, "Get Customer Status", TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  /** Scenario: the warehouse cannot ship; its SendTaskFailure is caught, reported with the error, and the order fails. */
  @Test
  void shippingFailureReportedByTheWarehouseIsCaughtAndReported() {
    Execution execution = start(ORDER);
    WaitingTask shipping = execution.awaitTask(SHIP);
    execution.advanceTime(Duration.ofMinutes(30));
    execution.sendTaskFailure(shipping.taskToken(), "ShippingFailed", "Address not found");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).failedWith("order_shipping_failed")
        .visitedInOrder(SHIP, "Notify Packaging and Shipping Failed", "Order Shipping Failed")
        .didNotVisit("Notify Successful Shipping")
        .took(Duration.ofMinutes(30));
    assertThat(result).state(SHIP).failedWith("ShippingFailed", "Address not found")
        .wasCaughtBy("Notify Packaging and Shipping Failed");
    assertThat(result).state("Notify Packaging and Shipping Failed").wasScheduledWithContaining("""
        {"Entries": [{"Detail": {"error_message": "PackagingAndShippingFailed",
                                 "error_details": {"Error": "ShippingFailed", "Cause": "Address not found"}},
                      "DetailType": "OrderShippingFailed"}]}""");
  }

  /**
   * Scenario: the warehouse never answers. After TimeoutSeconds (3 h) the task fails with
   * States.Timeout, which the States.TaskFailed catcher does not catch: the execution fails
   * with it and no failure is reported on the bus.
   */
  @Test
  void silentWarehouseTimesOutAfterThreeHoursAndIsNotCaught() {
    ExecutionResult result = start(ORDER).awaitCompletion();

    assertThat(result).failedWith("States.Timeout")
        .endedIn(SHIP)
        .didNotVisit("Notify Packaging and Shipping Failed", "Order Shipping Failed")
        .took(Duration.ofSeconds(10800));
    assertThat(result).state(SHIP).failedWith("States.Timeout");
    assertThat(result).events().forState(SHIP).ofType(TASK_TIMED_OUT).hasSize(1);
  }
}
