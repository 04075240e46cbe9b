package io.github.sfntest.samples.callbacks;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous API with callback of aws-samples/step-functions-workflows-collection
 * ("calling-async-api-callback"): the requestor puts a request with its task token on an SQS queue
 * and waits (at most 300 s); an external system (here the simulator state machine, started by the
 * queue's consumer) works for {@code waitTime} seconds and calls back with SendTaskSuccess or
 * SendTaskFailure; the requestor announces the outcome on SNS.
 *
 * <p>The integration pattern hides in a placeholder: the task's whole {@code Resource} is {@code
 * ${SQSSendMessageAction}}, which the SAM template sets to {@code sqs:sendMessage.waitForTaskToken}.
 * The test plays the queue consumer (it starts the simulator with the message) and the simulator's
 * Lambda function (it sends the callback the function would send).
 */
@StateMachineTest(definition = "callback-external-systems/async-api-callback-requestor.asl.json", name = "AsyncApiRequestor",
    substitutions = {
        "SQSSendMessageAction=arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "SQSQueueURL=https://sqs.us-east-1.amazonaws.com/123456789012/AsyncApiRequests",
        "SNSTopicPublishAction=arn:aws:states:::sns:publish",
        "SNSTopicARN=arn:aws:sns:us-east-1:123456789012:AsyncApiNotifications"},
    machines = @StateMachine(value = "AsyncApiSimulator", definition = "callback-external-systems/async-api-simulator.asl.json",
        substitutions = {
            "LambdaActionAction=arn:aws:states:::lambda:invoke",
            "CallbackSystemLambdaFunctionARN=arn:aws:lambda:us-east-1:123456789012:function:CallbackSystem"}))
class AsyncApiCallbackTest {

  static final String CALL_API = "Invoke Async API & Wait For CallBack";
  static final String SUCCESS = "callback-external-systems/inputs/async-api-success.json";
  static final String FAILURE = "callback-external-systems/inputs/async-api-failure.json";

  StateMachineUnderTest requestor;
  @StateMachine("AsyncApiSimulator")
  StateMachineUnderTest simulator;
  MockedResponses mocks;

  /** The callback the simulator's Lambda function sends: what it would call SendTaskSuccess/Failure with. */
  final AtomicReference<JsonNode> callback = new AtomicReference<>();

  @BeforeEach
  void theServices() {
    mocks.onState(CALL_API).willWaitForCallback(IntegrationResults.sqsSendMessage("request"));
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(IntegrationResults.snsPublish("notification"));
    // the simulator's function: SendTaskSuccess when payload.status is "success", else SendTaskFailure
    mocks.onLambda("CallbackSystem").willAnswer(call -> {
      callback.set(call.parameters().get("Payload"));
      return Map.of("statusCode", 200);
    });
  }

  /** The queue's consumer: the message starts the simulator, which calls back when it is done. */
  ExecutionResult externalSystemHandles(WaitingTask request) {
    ExecutionResult simulated = simulator.run(request.parameters().get("MessageBody"));
    assertThat(simulated).succeeded().hasPath("Wait -  Simulate External Processing Time", "Callback the System");
    return simulated;
  }

  /** Scenario (README): waitTime 3, status "success"; after 3 s the requestor announces success. */
  @Test
  void externalSuccessIsAnnouncedAfterTheProcessingTime() throws Exception {
    Execution execution = requestor.start(TestResource.read(SUCCESS, "request").text());
    WaitingTask request = execution.awaitTask(CALL_API);

    // the message carries the task token and the execution's input
    assertThat(request.parameters().get("QueueUrl").asText()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/AsyncApiRequests");
    assertThat(request.parameters().at("/MessageBody/taskToken").asText()).isEqualTo(request.taskToken());
    assertThat(request.parameters().at("/MessageBody/payload")).isEqualTo(new ObjectMapper().readTree("{\"waitTime\": 3, \"status\": \"success\"}"));

    ExecutionResult simulated = externalSystemHandles(request);
    assertThat(simulated).took(Duration.ofSeconds(3));
    assertThat(callback.get().at("/payload/status").asText()).isEqualTo("success");
    execution.advanceTime(simulated.elapsed());
    execution.sendTaskSuccess(callback.get().get("taskToken").asText(),
        "{\"status\": 200, \"payload\": {\"body\": \"sample sucess message\"}}");

    ExecutionResult result = execution.awaitCompletion();
    assertThat(result).succeeded()
        .hasPath(CALL_API, "Check Response Status", "SNS Publish - Send Success Notification")
        .took(Duration.ofSeconds(3));
    assertThat(result).state(CALL_API).waitedForCallback()
        .receivedCallback("{\"status\": 200, \"payload\": {\"body\": \"sample sucess message\"}}");
    assertThat(result).state("SNS Publish - Send Success Notification").wasScheduledWith("""
        {"TopicArn": "arn:aws:sns:us-east-1:123456789012:AsyncApiNotifications",
         "Message": {"status": 200, "message": "API Executed Successfully", "body": ""}}""");
  }

  /**
   * Scenario (README): status "failure"; the external system calls SendTaskFailure. A custom error
   * is caught by the States.TaskFailed catcher (which matches every error but States.Timeout).
   */
  @Test
  void externalFailureIsCaughtAndAnnounced() {
    Execution execution = requestor.start(TestResource.read(FAILURE, "request").text());
    WaitingTask request = execution.awaitTask(CALL_API);
    externalSystemHandles(request);
    assertThat(callback.get().at("/payload/status").asText()).isEqualTo("failure");

    execution.sendTaskFailure(request.taskToken(), "ExternalApiError", "sample error message");

    ExecutionResult result = execution.awaitCompletion();
    assertThat(result).succeeded().hasPath(CALL_API, "SNS Publish - Send Error Notification");
    assertThat(result).state(CALL_API).failedWith("ExternalApiError", "sample error message")
        .wasCaughtBy("SNS Publish - Send Error Notification");
    assertThat(result).events().forState(CALL_API).ofType(TASK_FAILED).hasSize(1);
    assertThat(result).state("SNS Publish - Send Error Notification")
        .wasScheduledWithContaining("{\"Message\": {\"status\": 500, \"message\": \"API Failed\"}}");
  }

  /**
   * Never tested upstream (the README only mentions it): the external system takes longer than
   * 300 s. The task times out, States.Timeout is caught, and the failure is announced; a late
   * callback would find no task waiting.
   */
  @Test
  void callbackLaterThanFiveMinutesTimesOutAndIsAnnounced() {
    Execution execution = requestor.start("{\"waitTime\": 400, \"status\": \"success\"}");
    execution.awaitTask(CALL_API);

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded()
        .hasPath(CALL_API, "SNS Publish - Send Error Notification")
        .took(Duration.ofSeconds(300));
    assertThat(result).state(CALL_API).failedWith("States.Timeout").wasCaughtBy("SNS Publish - Send Error Notification");
    assertThat(result).events().forState(CALL_API).ofType(TASK_TIMED_OUT).hasSize(1);
    mocks.verify("SNS Publish - Send Success Notification").never();
  }

  /** Scenario: the API answers, but not with 200; the Choice's Default announces a failure. */
  @Test
  void nonSuccessStatusIsAnnouncedAsFailure() {
    Execution execution = requestor.start(TestResource.read(SUCCESS, "request").text());
    execution.sendTaskSuccess(execution.awaitTask(CALL_API).taskToken(), "{\"status\": 503}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(CALL_API, "Check Response Status", "SNS Publish - Send Error Notification");
  }

  /** Never tested upstream: SNS itself fails; neither publish task has a Catch, so the execution fails. */
  @Test
  void notificationFailureFailsTheExecution() {
    mocks.onState("SNS Publish - Send Success Notification").willThrow("SNS.AuthorizationErrorException", "not authorized");
    Execution execution = requestor.start(TestResource.read(SUCCESS, "request").text());
    execution.sendTaskSuccess(execution.awaitTask(CALL_API).taskToken(), "{\"status\": 200}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).failedWith("SNS.AuthorizationErrorException", "not authorized")
        .endedIn("SNS Publish - Send Success Notification");
  }
}
