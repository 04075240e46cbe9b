package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.EXECUTION_FAILED;
import static io.github.sfntest.history.HistoryEventType.EXECUTION_STARTED;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.TASK_STATE_ENTERED;
import static io.github.sfntest.history.HistoryEventType.WAIT_STATE_ENTERED;
import static io.github.sfntest.history.HistoryEventType.WAIT_STATE_EXITED;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 2: request-response. A Wait of {@code $.timer_seconds}, then an
 * {@code sns:publish} of {@code $.message}: the task is done as soon as SNS accepts the message.
 */
@StateMachineTest(definition = "step-functions-workshop/module02-request-response-sns.asl.json",
    name = "WorkshopRequestResponse", substitutions = "topicArn=arn:aws:sns:us-east-1:123456789012:RequestResponseTopic")
class Module02RequestResponseTest {

  static final String PUBLISH = "Send SNS Message";

  StateMachineUnderTest workflow;
  MockedResponses mocks;

  /** The workshop's input: 5 s of waiting, then the message is published to the template's topic. */
  @Test
  void waitsThenPublishesTheMessage() {
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(Map.of("MessageId", "welcome"));

    ExecutionResult result = workflow.runWithInputFrom("step-functions-workshop/inputs/module02-input.json");

    // request-response: the publish completes at once, the whole run is the Wait's 5 s
    assertThat(result).succeeded().hasPath("Wait for Timestamp", PUBLISH).took(Duration.ofSeconds(5))
        .hasOutput("{\"MessageId\": \"welcome\"}");
    assertThat(result).state(PUBLISH).wasScheduledWith("""
        {"TopicArn": "arn:aws:sns:us-east-1:123456789012:RequestResponseTopic", "Message": "Welcome to re:Invent!"}""");
  }

  /** Never tested upstream: SNS refuses the publish; no Retry or Catch, so the run fails after the wait. */
  @Test
  void aRefusedPublishFailsTheExecution() {
    mocks.onResource("arn:aws:states:::sns:publish").willThrow("SNS.AuthorizationErrorException", "not authorized");

    ExecutionResult result = workflow.runWithInputFrom("step-functions-workshop/inputs/module02-input.json");

    assertThat(result).failedWith("SNS.AuthorizationErrorException", "not authorized").endedIn(PUBLISH)
        .took(Duration.ofSeconds(5));
    assertThat(result).state(PUBLISH).wasNotRetried();
    assertThat(result).events().containsSubsequence(EXECUTION_STARTED, WAIT_STATE_ENTERED, WAIT_STATE_EXITED,
        TASK_STATE_ENTERED, TASK_SCHEDULED, TASK_FAILED, EXECUTION_FAILED);
  }

  /** Never tested upstream: without {@code message} the Parameters cannot be built; SNS is never called. */
  @Test
  void aMissingMessageFailsBeforeSnsIsCalled() {
    ExecutionResult result = workflow.run("{\"timer_seconds\": 1}");

    assertThat(result).failedWith("States.Runtime").endedIn(PUBLISH).took(Duration.ofSeconds(1));
    assertThat(result).events().ofType(TASK_SCHEDULED).isEmpty();
  }
}
