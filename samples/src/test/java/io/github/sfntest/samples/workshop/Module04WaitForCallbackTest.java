package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.engine.ExecutionStatus.RUNNING;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SUBMITTED;
import static io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 4: wait for a callback. An SQS message carries the task token;
 * the execution pauses until a worker (the module's Lambda) calls {@code SendTaskSuccess} or {@code
 * SendTaskFailure}; a catcher of {@code States.ALL} notifies a failure. The SNS topic comes through
 * a placeholder named {@code SimpleLambdaFunctionArn}, as in the template.
 */
@StateMachineTest(definition = "step-functions-workshop/module04-wait-for-callback-sqs.asl.json",
    name = "WorkshopCallback",
    substitutions = {
        "AWS::Partition=aws",
        "sqsQueueUrl=https://sqs.us-east-1.amazonaws.com/123456789012/CallbackQueue",
        "SimpleLambdaFunctionArn=arn:aws:sns:us-east-1:123456789012:CallbackTopic"})
class Module04WaitForCallbackTest {

  static final String WAIT = "Start Task And Wait For Callback";

  StateMachineUnderTest workflow;
  MockedResponses mocks;

  @BeforeEach
  void theQueueAndTopic() {
    mocks.onState(WAIT).willWaitForCallback(IntegrationResults.sqsSendMessage("token message"));
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(IntegrationResults.snsPublish("notified"));
  }

  /** The module's point: paused at the callback task until the worker sends the token back, then success. */
  @Test
  void theCallbackResumesTheExecution() {
    Execution execution = workflow.start("{}");
    WaitingTask task = execution.awaitTask(WAIT);
    assertThat(task.parameters().at("/QueueUrl").asText())
        .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/CallbackQueue");
    assertThat(task.parameters().at("/MessageBody/TaskToken").asText()).isEqualTo(task.taskToken());
    execution.advanceTime(Duration.ofMinutes(3));
    assertThat(execution.status()).isEqualTo(RUNNING);

    execution.sendTaskSuccess(task.taskToken(), "{\"approved\": true}");
    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(WAIT, "Notify Success").took(Duration.ofMinutes(3));
    assertThat(result).state(WAIT).waitedForCallback().receivedCallback("{\"approved\": true}");
    assertThat(result).events().forState(WAIT).containsSubsequence(TASK_SUBMITTED, TASK_SUCCEEDED);
    assertThat(result).state("Notify Success").wasScheduledWith("""
        {"Message": "Callback received. Task started by Step Functions succeeded.",
         "TopicArn": "arn:aws:sns:us-east-1:123456789012:CallbackTopic"}""");
  }

  /** Never tested upstream: the worker calls SendTaskFailure; the catcher gets the error and notifies. */
  @Test
  void aFailureCallbackIsCaughtAndNotified() {
    Execution execution = workflow.start("{}");
    execution.sendTaskFailure(execution.awaitTask(WAIT).taskToken(), "Worker.Rejected", "order invalid");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(WAIT, "Notify Failure");
    assertThat(result).state(WAIT).failedWith("Worker.Rejected", "order invalid").wasCaughtBy("Notify Failure");
    assertThat(result).events().forState(WAIT).containsSubsequence(TASK_SUBMITTED, TASK_FAILED);
    assertThat(result).state("Notify Failure").hasInput("{\"Error\": \"Worker.Rejected\", \"Cause\": \"order invalid\"}");
    mocks.verify("Notify Success").never();
  }
}
