package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 13: an e-commerce order in a STANDARD workflow. Two human/third
 * party steps wait for a callback (order approval, payment), each with a catcher that notifies the
 * failure; then four Lambda "Update ..." steps with the Lambda service-error Retry, then shipping.
 * The module moves the four updates into an EXPRESS child workflow (the second file) that the
 * learner starts with {@code startExecution.sync:2}; the child is tested on its own here (run as
 * STANDARD: the updates have no waits, so the semantics do not differ).
 */
@StateMachineTest(definition = "step-functions-workshop/module13-nested-express-parent.asl.yaml",
    name = "WorkshopOrder",
    substitutions = {
        "sqsQueueUrl=https://sqs.us-east-1.amazonaws.com/123456789012/OrderQueue",
        "sendtoSNSArn=arn:aws:sns:us-east-1:123456789012:OrderTopic",
        "UpdateDatabaseLambdaFunction=arn:aws:lambda:us-east-1:123456789012:function:UpdateDatabase"},
    machines = @StateMachine(value = "WorkshopOrderUpdates",
        definition = "step-functions-workshop/module13-nested-express-child.asl.yaml",
        substitutions = "UpdateDatabaseLambdaFunction=arn:aws:lambda:us-east-1:123456789012:function:UpdateDatabase"))
class Module13NestedExpressTest {

  static final String APPROVE = "Approve Order Request";
  static final String PAY = "Process Payment";
  static final String[] UPDATES = {"Update Order History", "Update Data Warehouse", "Update Customer Profile",
      "Update Inventory"};

  StateMachineUnderTest order;
  @StateMachine("WorkshopOrderUpdates")
  StateMachineUnderTest updates;
  MockedResponses mocks;

  @BeforeEach
  void theServices() {
    mocks.onState(APPROVE).willWaitForCallback(IntegrationResults.sqsSendMessage("approval request"));
    mocks.onState(PAY).willWaitForCallback(IntegrationResults.sqsSendMessage("payment request"));
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(IntegrationResults.snsPublish("notified"));
    mocks.onLambda("UpdateDatabase").willAnswer(call -> Map.of("updated", call.parameters().at("/Payload/Message").asText()));
  }

  /** Approved, paid: the four updates run in order, each with its message, and the package ships. */
  @Test
  void anApprovedAndPaidOrderShips() {
    Execution execution = order.start("{\"orderId\": \"o-1\"}");
    execution.advanceTime(Duration.ofHours(2));
    execution.sendTaskSuccess(execution.awaitTask(APPROVE).taskToken(), "{\"approved\": true}");
    execution.advanceTime(Duration.ofMinutes(10));
    execution.sendTaskSuccess(execution.awaitTask(PAY).taskToken(), "{\"paid\": true}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(APPROVE, "Notify Order Success", PAY, "Notify Payment Success",
        UPDATES[0], UPDATES[1], UPDATES[2], UPDATES[3], "Ship the Package").took(Duration.ofMinutes(130));
    assertThat(mocks.invocations(UPDATES[0])).hasSize(1);
    assertThat(java.util.stream.Stream.of(UPDATES).map(state -> mocks.invocations(state).get(0))
        .map(TaskInvocation::parameters).map(p -> p.at("/Payload/Message").asText()))
        .containsExactly("Update order history.", "Update data warehouse.", "Update customer profile.",
            "Update inventory.");
    // OutputPath $.Payload: each update passes on only the function's answer
    assertThat(result).state("Ship the Package").hasInput("{\"updated\": \"Update inventory.\"}");
  }

  /** Never tested upstream: the approver rejects the order; the catcher notifies and nothing else runs. */
  @Test
  void aRejectedOrderIsNotifiedAndStops() {
    Execution execution = order.start("{}");
    execution.sendTaskFailure(execution.awaitTask(APPROVE).taskToken(), "Order.Rejected", "credit check failed");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(APPROVE, "Notify Order Failure");
    assertThat(result).state(APPROVE).failedWith("Order.Rejected", "credit check failed").wasCaughtBy("Notify Order Failure");
    assertThat(result).state("Notify Order Failure").wasScheduledWithContaining(
        "{\"Message\": \"Order not approved. Order failed.\"}");
    mocks.verify(PAY).never();
  }

  /** Never tested upstream: the payment provider reports a failure; the payment catcher notifies it. */
  @Test
  void aFailedPaymentIsNotified() {
    Execution execution = order.start("{}");
    execution.sendTaskSuccess(execution.awaitTask(APPROVE).taskToken(), "{}");
    execution.sendTaskFailure(execution.awaitTask(PAY).taskToken(), "Payment.Declined", "card expired");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().endedIn("Notify Payment Failure").didNotVisit(UPDATES);
    assertThat(result).state(PAY).failedWith("Payment.Declined").wasCaughtBy("Notify Payment Failure");
  }

  /**
   * Never tested upstream: the database function keeps failing with a Lambda service error; six
   * retries 2, 4, ... 64 s apart, then the run fails (no Catch on the updates).
   */
  @Test
  void aLambdaServiceErrorIsRetriedSixTimesThenFailsTheRun() {
    mocks.onState(UPDATES[1]).willThrow("Lambda.ServiceException", "Service unavailable");
    Execution execution = order.start("{}");
    execution.sendTaskSuccess(execution.awaitTask(APPROVE).taskToken(), "{}");
    execution.sendTaskSuccess(execution.awaitTask(PAY).taskToken(), "{}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).failedWith("Lambda.ServiceException").endedIn(UPDATES[1]).didNotVisit(UPDATES[2]);
    assertThat(result).state(UPDATES[1]).wasRetried(6);
    assertThat(result).events().forState(UPDATES[1]).ofType(TASK_FAILED).hasSize(7);
    assertThat(Timeline.gaps(result, UPDATES[1], TASK_SCHEDULED)).containsExactly(Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32),
        Duration.ofSeconds(64));
  }

  /** The child workflow the module extracts: the same four updates, in order, on its own. */
  @Test
  void theChildRunsTheFourUpdates() {
    ExecutionResult result = updates.run("{}");

    assertThat(result).succeeded().hasPath(UPDATES);
    // no OutputPath in the child: the last update's whole lambda:invoke result is the output
    assertThat(result).hasOutputContaining("{\"Payload\": {\"updated\": \"Update inventory.\"}}");
  }
}
