package io.github.sfntest.samples.callbacks;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.engine.ExecutionStatus.RUNNING;
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
 * The plain SQS wait-for-callback of aws-samples/step-functions-workflows-collection
 * ("wait-for-callback"): a message with the task token goes on a queue, the workflow waits for a
 * worker to call back, and SNS says how it went. The task has no TimeoutSeconds: a lost callback
 * keeps the execution waiting (up to a year, the execution's own limit).
 */
@StateMachineTest(definition = "callback-external-systems/wait-for-callback-sqs.asl.json", name = "WaitForCallback",
    substitutions = {
        "SQSQueue=https://sqs.us-east-1.amazonaws.com/123456789012/WaitForCallbackQueue",
        "topicArn=arn:aws:sns:us-east-1:123456789012:WaitForCallbackTopic"})
class WaitForCallbackSqsTest {

  static final String WAIT = "Start Task And Wait For Callback";

  StateMachineUnderTest waitForCallback;
  MockedResponses mocks;

  @BeforeEach
  void theServices() {
    mocks.onState(WAIT).willWaitForCallback(IntegrationResults.sqsSendMessage("task"));
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(IntegrationResults.snsPublish("notification"));
  }

  /** Scenario: the worker calls back with SendTaskSuccess; success is announced. */
  @Test
  void workerSuccessIsAnnounced() {
    Execution execution = waitForCallback.start("{}");
    WaitingTask task = execution.awaitTask(WAIT);
    assertThat(task.parameters().at("/MessageBody/TaskToken").asText()).isEqualTo(task.taskToken());
    assertThat(task.parameters().at("/MessageBody/MessageTitle").asText())
        .isEqualTo("Task started by Step Functions. Waiting for callback with task token.");
    execution.advanceTime(Duration.ofMinutes(10));
    execution.sendTaskSuccess(task.taskToken(), "{\"done\": true}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(WAIT, "Notify Success").took(Duration.ofMinutes(10));
    assertThat(result).state("Notify Success").wasScheduledWith("""
        {"Message": "Callback received. Task started by Step Functions succeeded.",
         "TopicArn": "arn:aws:sns:us-east-1:123456789012:WaitForCallbackTopic"}""");
  }

  /** Never tested upstream: the worker reports a failure; the States.ALL catcher announces it. */
  @Test
  void workerFailureIsCaughtAndAnnounced() {
    Execution execution = waitForCallback.start("{}");
    execution.sendTaskFailure(execution.awaitTask(WAIT).taskToken(), "WorkerError", "disk full");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().hasPath(WAIT, "Notify Failure");
    assertThat(result).state(WAIT).failedWith("WorkerError", "disk full").wasCaughtBy("Notify Failure");
    // no ResultPath on the catcher: the error object is Notify Failure's input
    assertThat(result).state("Notify Failure").hasInput("{\"Error\": \"WorkerError\", \"Cause\": \"disk full\"}");
    mocks.verify("Notify Success").never();
  }

  /** Never tested upstream: without TimeoutSeconds, a day without a callback is still a wait, not a failure. */
  @Test
  void lostCallbackKeepsTheExecutionWaiting() {
    Execution execution = waitForCallback.start("{}");
    WaitingTask task = execution.awaitTask(WAIT);
    execution.advanceTime(Duration.ofDays(1));

    assertThat(execution.status()).isEqualTo(RUNNING);
    assertThat(execution.waitingTasks()).extracting(WaitingTask::taskToken).containsExactly(task.taskToken());
    execution.stop("Abandoned", "no worker");
    assertThat(execution.awaitCompletion()).aborted();
  }
}
