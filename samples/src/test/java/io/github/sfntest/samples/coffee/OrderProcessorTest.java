package io.github.sfntest.samples.coffee;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SUBMITTED;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Serverlesspresso's order processor (aws-samples/serverless-coffee): a customer scans a QR code at
 * a coffee event, the workflow checks the shop is open, then waits twice for people, each wait a
 * {@code events:putEvents.waitForTaskToken} task with a heartbeat timeout. First for the customer
 * to submit the drink (HeartbeatSeconds 300), then for the barista to finish it (HeartbeatSeconds
 * 900). A wait that gets no callback and no heartbeat in time ends the order with an
 * {@code OrderProcessor.OrderTimeOut} event.
 *
 * <p>The tests play the customer's and the barista's apps: they read the task token from the event
 * the workflow emitted, answer it with SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, and let
 * virtual time pass; the 5 and 15 minute timeouts take microseconds.
 */
@StateMachineTest(definition = "serverless-coffee-serverlesspresso/order-processor.asl.json", name = "OrderProcessor")
class OrderProcessorTest {

  static final String NEW_ORDER = "serverless-coffee-serverlesspresso/inputs/order-processor.Validator.NewOrder.json";
  static final String ORDER_ID = "d6e373b5-709c-40b0-a614-80d9a07276fc";
  static final String CUSTOMER_WAIT = "Emit - Workflow Started TT";
  static final String BARISTA_WAIT = "Emit - Awaiting Completion TT";

  /**
   * Why the timeout tests are disabled: on AWS a HeartbeatSeconds expiry is a {@code States.Timeout}
   * (TaskTimedOut error "States.Timeout", recorded in ../shared/conformance case
   * timeouts.heartbeats.heartbeat_timeout; the error-handling docs: States.Timeout covers "failed to
   * send a heartbeat for a period longer than the HeartbeatSeconds value"), so this definition's
   * {@code States.Timeout} catchers fire. The engine names it {@code States.HeartbeatTimeout} and a
   * {@code States.Timeout} catcher does not match it, so the execution fails instead.
   */
  static final String HEARTBEAT_BUG = "engine bug: a HeartbeatSeconds expiry fails the task with States.HeartbeatTimeout,"
      + " which the definition's States.Timeout catcher does not match; AWS records it as States.Timeout and catches it";

  StateMachineUnderTest orderProcessor;
  MockedResponses mocks;

  @BeforeEach
  void anOpenShopWithFewOrders() {
    mocks.onState("DynamoDB Get Shop status").willReturn(
        IntegrationResults.dynamoDbGetItem(Map.of("PK", "config-NYC", "storeOpen", true)));
    mocks.onState("ListExecutions").willReturn(runningExecutions(3));
    mocks.onState("Generate Order Number").willReturn("{\"Attributes\": {\"IDvalue\": {\"N\": \"42\"}}}");
    // both waits emit their event (the service call returns at once), then wait for the token
    mocks.onState(CUSTOMER_WAIT).willWaitForCallback(IntegrationResults.eventBridgePutEvents(1));
    mocks.onState(BARISTA_WAIT).willWaitForCallback(IntegrationResults.eventBridgePutEvents(1));
    // every other putEvents (ShopUnavailable, OrderTimeOut, orderFinished) is accepted
    mocks.onResource("arn:aws:states:::events:putEvents").willReturn(IntegrationResults.eventBridgePutEvents(1));
  }

  Execution newOrder() {
    return orderProcessor.start(TestResource.read(NEW_ORDER, "order event").text());
  }

  /** Scenario: the customer submits the drink after 4 minutes, the barista completes it 10 minutes later. */
  @Test
  void orderIsSubmittedThenCompletedWithinTheHeartbeatLimits() {
    Execution execution = newOrder();

    WaitingTask customer = execution.awaitTask(CUSTOMER_WAIT);
    // the emitted event carries the token the customer's app answers with
    assertThat(customer.parameters().at("/Entries/0/DetailType").asText()).isEqualTo("OrderProcessor.WorkflowStarted");
    assertThat(customer.parameters().at("/Entries/0/Detail/TaskToken").asText()).isEqualTo(customer.taskToken());
    assertThat(customer.parameters().at("/Entries/0/Detail/orderId").asText()).isEqualTo(ORDER_ID);
    assertThat(customer.parameters().at("/Entries/0/Detail/userId").asText()).isEqualTo("robot");
    assertThat(customer.parameters().at("/Entries/0/Detail/eventId").asText()).isEqualTo("NYC");
    execution.advanceTime(Duration.ofMinutes(4));
    execution.sendTaskSuccess(customer.taskToken(), "{\"drink\": \"Latte\"}");

    WaitingTask barista = execution.awaitTask(BARISTA_WAIT);
    assertThat(barista.taskToken()).isNotEqualTo(customer.taskToken());
    assertThat(barista.parameters().at("/Entries/0/DetailType").asText()).isEqualTo("OrderProcessor.WaitingCompletion");
    assertThat(barista.parameters().at("/Entries/0/Detail/orderNumber").asText()).isEqualTo("42");
    assertThat(barista.parameters().at("/Entries/0/Detail/TaskToken").asText()).isEqualTo(barista.taskToken());
    execution.advanceTime(Duration.ofMinutes(10));
    execution.sendTaskSuccess(barista.taskToken(), "{\"state\": \"COMPLETED\", \"baristaUserId\": \"barista-1\"}");

    ExecutionResult result = execution.awaitCompletion();
    assertThat(result).succeeded()
        .hasPath("DynamoDB Get Shop status", "Shop Open?", "ListExecutions", "Is capacity available?", CUSTOMER_WAIT,
            "Generate Order Number", BARISTA_WAIT, "Pass", "Emit - order finished")
        .took(Duration.ofMinutes(14))
        // the last putEvents result is the output (no ResultPath)
        .hasOutput(IntegrationResults.eventBridgePutEvents(1));
    assertThat(result).state(CUSTOMER_WAIT).waitedForCallback().receivedCallback("{\"drink\": \"Latte\"}")
        .tookAtLeast(Duration.ofMinutes(4)).tookAtMost(Duration.ofMinutes(4));
    assertThat(result).state(BARISTA_WAIT).waitedForCallback().tookAtLeast(Duration.ofMinutes(10)).tookAtMost(Duration.ofMinutes(10));
    assertThat(result).events().ofType(TASK_TIMED_OUT).isEmpty();
    assertThat(result).events().forState(CUSTOMER_WAIT).ofType(TASK_SUBMITTED).hasSize(1);

    // ResultPath null drops the customer's answer; the barista's lands in $.order
    JsonNode beforeFinish = result.history().visitsOf("Pass").get(0).output().orElseThrow();
    assertThat(beforeFinish.has("drink")).isFalse();
    assertThat(beforeFinish.get("order")).isEqualTo(json("{\"state\": \"COMPLETED\", \"baristaUserId\": \"barista-1\"}"));
    assertThat(beforeFinish.at("/Order/Payload")).isEqualTo(json("{\"orderNumber\": \"42\"}"));
    assertThat(result).state("Emit - order finished").wasScheduledWith("""
        {"Entries": [{"Detail": {"Message": "The order has reached the end of the workflow, and so a final event is emitted to alert other services to this.",
                                 "userId": "robot", "orderId": "%s", "eventId": "NYC"},
                      "DetailType": "OrderProcessor.orderFinished", "EventBusName": "Serverlesspresso",
                      "Source": "awsserverlessda.serverlesspresso"}]}""".formatted(ORDER_ID));
    // the order number comes from the counter of this event
    assertThat(result).state("Generate Order Number").wasScheduledWithContaining(
        "{\"TableName\": \"serverlesspresso-counting-table\", \"Key\": {\"PK\": {\"S\": \"orderID-NYC\"}},"
            + " \"UpdateExpression\": \"set IDvalue = IDvalue + :val\", \"ReturnValues\": \"UPDATED_NEW\"}");
  }

  /**
   * Scenario: the customer scans the code and walks away. No callback and no heartbeat for 300 s:
   * the heartbeat timeout ({@code States.Timeout}) is caught and the order ends with an
   * OrderTimeOut event whose cause is "Customer timedout".
   */
  @Test
  void customerWhoNeverSubmitsTimesOutAfterFiveMinutes() {
    ExecutionResult result = newOrder().awaitCompletion();

    assertThat(result).succeeded()
        .visitedInOrder(CUSTOMER_WAIT, "Customer timedout", "Emit - error timeout")
        .didNotVisit("Generate Order Number", BARISTA_WAIT, "Barista timedout")
        .endedIn("Emit - error timeout")
        .took(Duration.ofSeconds(300));
    assertThat(result).state(CUSTOMER_WAIT).failedWith("States.Timeout").wasCaughtBy("Customer timedout");
    assertThat(result).events().forState(CUSTOMER_WAIT).ofType(TASK_TIMED_OUT).hasSize(1);
    assertThat(Timeline.sinceStart(result, CUSTOMER_WAIT, TASK_TIMED_OUT)).isEqualTo(Duration.ofSeconds(300));
    // the catcher put the error at $.comment, the Pass state the reason at $.cause
    assertThat(result).state("Customer timedout").hasInputContaining("{\"comment\": {\"Error\": \"States.Timeout\"}}");
    assertThat(result).state("Emit - error timeout").hasInputContaining(
        "{\"cause\": \"Customer timedout\", \"comment\": {\"Error\": \"States.Timeout\"}}");
    assertThat(result).state("Emit - error timeout").wasScheduledWithContaining("""
        {"Entries": [{"Detail": {"userId": "robot", "orderId": "%s", "eventId": "NYC", "cause": "Customer timedout"},
                      "DetailType": "OrderProcessor.OrderTimeOut"}]}""".formatted(ORDER_ID));
  }

  /** Scenario: the drink is submitted after a minute, but no barista picks it up within 15 minutes. */
  @Test
  void orderNoBaristaCompletesTimesOutAfterFifteenMinutes() {
    Execution execution = newOrder();
    WaitingTask customer = execution.awaitTask(CUSTOMER_WAIT);
    execution.advanceTime(Duration.ofMinutes(1));
    execution.sendTaskSuccess(customer.taskToken(), "{}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded()
        .visitedInOrder(CUSTOMER_WAIT, "Generate Order Number", BARISTA_WAIT, "Barista timedout", "Emit - error timeout")
        .didNotVisit("Customer timedout", "Pass", "Emit - order finished")
        .took(Duration.ofSeconds(60 + 900));
    assertThat(result).state(BARISTA_WAIT).failedWith("States.Timeout").wasCaughtBy("Barista timedout")
        .tookAtLeast(Duration.ofSeconds(900)).tookAtMost(Duration.ofSeconds(900));
    assertThat(result).state("Emit - error timeout").wasScheduledWithContaining(
        "{\"Entries\": [{\"Detail\": {\"cause\": \"Barista timedout\"}, \"DetailType\": \"OrderProcessor.OrderTimeOut\"}]}");
  }

  /**
   * Scenario: the customer takes 8 minutes to choose, but the app sends a heartbeat every 4 minutes.
   * Each heartbeat restarts the 300 s clock, so the order goes on.
   */
  @Test
  void heartbeatsKeepASlowCustomerInTheQueue() {
    Execution execution = newOrder();
    WaitingTask customer = execution.awaitTask(CUSTOMER_WAIT);
    execution.advanceTime(Duration.ofMinutes(4));
    execution.sendTaskHeartbeat(customer.taskToken());
    execution.advanceTime(Duration.ofMinutes(4));
    execution.sendTaskHeartbeat(customer.taskToken());
    execution.advanceTime(Duration.ofMinutes(1));
    execution.sendTaskSuccess(customer.taskToken(), "{}");

    WaitingTask barista = execution.awaitTask(BARISTA_WAIT);
    execution.sendTaskSuccess(barista.taskToken(), "{}");
    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().endedIn("Emit - order finished").took(Duration.ofMinutes(9));
    assertThat(result).state(CUSTOMER_WAIT).didNotFail().tookAtLeast(Duration.ofMinutes(9)).tookAtMost(Duration.ofMinutes(9));
    assertThat(result).events().ofType(TASK_TIMED_OUT).isEmpty();
  }

  /** Scenario: one heartbeat, then silence. The timeout fires 300 s after the last heartbeat. */
  @Test
  void silenceAfterTheLastHeartbeatTimesOutFiveMinutesLater() {
    Execution execution = newOrder();
    WaitingTask customer = execution.awaitTask(CUSTOMER_WAIT);
    execution.advanceTime(Duration.ofSeconds(240));
    execution.sendTaskHeartbeat(customer.taskToken());

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().endedIn("Emit - error timeout").took(Duration.ofSeconds(240 + 300));
    assertThat(Timeline.sinceStart(result, CUSTOMER_WAIT, TASK_TIMED_OUT)).isEqualTo(Duration.ofSeconds(540));
  }

  /**
   * Scenario: the barista's app rejects the order with SendTaskFailure. The definition only catches
   * States.Timeout, so the rejection is not handled: the whole execution fails with the app's error
   * and no OrderTimeOut or orderFinished event is emitted.
   */
  @Test
  void rejectionByTheBaristaIsNotCaughtAndFailsTheWorkflow() {
    Execution execution = newOrder();
    execution.sendTaskSuccess(execution.awaitTask(CUSTOMER_WAIT).taskToken(), "{}");
    WaitingTask barista = execution.awaitTask(BARISTA_WAIT);
    execution.advanceTime(Duration.ofMinutes(2));
    execution.sendTaskFailure(barista.taskToken(), "OrderRejected", "Out of oat milk");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).failedWith("OrderRejected", "Out of oat milk")
        .endedIn(BARISTA_WAIT)
        .didNotVisit("Barista timedout", "Emit - error timeout", "Emit - order finished")
        .took(Duration.ofMinutes(2));
    assertThat(result).state(BARISTA_WAIT).failedWith("OrderRejected", "Out of oat milk");
  }

  /** Scenario: the shop is closed; the order is refused with a ShopUnavailable event, nobody waits. */
  @Test
  void closedShopRefusesTheOrderAtOnce() {
    mocks.onState("DynamoDB Get Shop status").willReturn(
        IntegrationResults.dynamoDbGetItem(Map.of("PK", "config-NYC", "storeOpen", false)));

    ExecutionResult result = newOrder().awaitCompletion();

    assertThat(result).succeeded()
        .hasPath("DynamoDB Get Shop status", "Shop Open?", "EventBridge PutEvents")
        .took(Duration.ZERO);
    assertThat(result).state("DynamoDB Get Shop status").wasScheduledWith(
        "{\"TableName\": \"serverlesspresso-config-table\", \"Key\": {\"PK\": {\"S\": \"config-NYC\"}}}");
    assertThat(result).state("EventBridge PutEvents").wasScheduledWithContaining(
        "{\"Entries\": [{\"Detail\": {\"userId\": \"robot\", \"eventId\": \"NYC\"}, \"DetailType\": \"OrderProcessor.ShopUnavailable\"}]}");
    mocks.verify("ListExecutions").never();
  }

  /**
   * Scenario: an event id with no shop configuration. GetItem returns no Item, the Choice's
   * variable does not exist, and Step Functions fails the execution with States.Runtime.
   */
  @Test
  void unknownEventFailsTheExecutionBecauseTheShopConfigIsMissing() {
    mocks.onState("DynamoDB Get Shop status").willReturn(IntegrationResults.dynamoDbGetItem(null));

    ExecutionResult result = newOrder().awaitCompletion();

    assertThat(result).failedWith("States.Runtime").endedIn("Shop Open?");
    mocks.verify("ListExecutions").never();
  }

  /**
   * Scenario: a busy shop with 25 running orders. The upstream capacity check reads
   * {@code $.isCapacityAvailable[20]}, an index on the ListExecutions result, which is an object
   * ({@code {"Executions": [...]}}), so it never matches: the order is accepted anyway. The test
   * documents the sample's latent bug and shows the call is made for this very state machine.
   */
  @Test
  void capacityCheckNeverRefusesBecauseItIndexesAnObject() {
    mocks.onState("ListExecutions").willReturn(runningExecutions(25));

    Execution execution = newOrder();
    execution.awaitTask(CUSTOMER_WAIT);
    execution.stop("Test.Done", "accepted");
    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).aborted().visitedInOrder("Is capacity available?", CUSTOMER_WAIT).didNotVisit("EventBridge PutEvents");
    assertThat(mocks.invocations("ListExecutions")).singleElement().satisfies(call -> {
      assertThat(call.parameters().get("StateMachineArn").asText()).endsWith(":stateMachine:OrderProcessor");
      assertThat(call.parameters().get("StatusFilter").asText()).isEqualTo("RUNNING");
      assertThat(call.parameters().get("MaxResults").asInt()).isEqualTo(100);
    });
  }

  static Map<String, Object> runningExecutions(int count) {
    List<Map<String, Object>> executions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      executions.add(Map.of(
          "ExecutionArn", "arn:aws:states:us-west-2:123456789012:execution:OrderProcessor:order-" + i,
          "StateMachineArn", "arn:aws:states:us-west-2:123456789012:stateMachine:OrderProcessor",
          "Name", "order-" + i, "Status", "RUNNING", "StartDate", "2022-10-14T12:00:00Z"));
    }
    return Map.of("Executions", executions);
  }

  static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
