package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "retry-with-exponential-backoff" (step-functions-workflows-collection): a Lambda function that
 * randomly succeeds, raises {@code InternalServerError} (transient: retried 2, 4, 8, 16, 32, 64 s)
 * or {@code BadRequest} (permanent: not retried). Mocks make the randomness deterministic.
 */
@StateMachineTest(definition = "error-handling-retry-catch/retry-with-exponential-backoff.asl.json",
    substitutions = "generateRandomResponsesLambda=arn:aws:lambda:us-east-1:123456789012:function:GenerateRandomResponses")
class RetryWithExponentialBackoffTest {

  static final String CALL = "Generate random response";

  StateMachineUnderTest backoff;
  MockedResponses mocks;

  static String pythonError(String type, String message) {
    return "{\"errorMessage\": \"" + message + "\", \"errorType\": \"" + type + "\", \"requestId\": \"r-1\", \"stackTrace\": []}";
  }

  /** Scenario: two transient server errors, then the function answers; OutputPath keeps its payload. */
  @Test
  void transientErrorsAreRetriedWithDoublingIntervalsUntilSuccess() {
    mocks.onLambda("GenerateRandomResponses")
        .willThrow("InternalServerError", pythonError("InternalServerError", "Internal server error"))
        .times(2)
        .thenReturn(Map.of("statusCode", 200, "body", "Success"));

    ExecutionResult result = backoff.run();

    assertThat(result).succeeded().hasPath(CALL, "Succeed")
        .hasOutput("{\"statusCode\": 200, \"body\": \"Success\"}")
        .took(Duration.ofSeconds(2 + 4));
    assertThat(result).state(CALL).wasRetried(2).didNotFail().wasScheduledWith(
        "{\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:function:GenerateRandomResponses\"}");
    assertThat(Timeline.gaps(result, CALL, TASK_SCHEDULED)).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  /** Scenario: the service stays down; six retries over 126 s, then the catcher ends in the Fail state. */
  @Test
  void persistentServerErrorExhaustsSixRetriesThenFails() {
    mocks.onLambda("GenerateRandomResponses")
        .willThrow("InternalServerError", pythonError("InternalServerError", "Internal server error"));

    ExecutionResult result = backoff.run();

    assertThat(result).failed().hasPath(CALL, "Fail").took(Duration.ofSeconds(2 + 4 + 8 + 16 + 32 + 64));
    assertThat(result.error()).isEmpty();
    assertThat(result).state(CALL).wasRetried(6).failedWith("InternalServerError").wasCaughtBy("Fail");
    assertThat(Timeline.gaps(result, CALL, TASK_SCHEDULED)).containsExactly(
        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(64));
    mocks.verify(CALL).times(7);
  }

  /** Scenario: a bad request is permanent; it is not retried and fails the workflow at once. */
  @Test
  void badRequestIsNotRetried() {
    mocks.onLambda("GenerateRandomResponses").willThrow("BadRequest", pythonError("BadRequest", "Bad request"));

    ExecutionResult result = backoff.run();

    assertThat(result).failed().hasPath(CALL, "Fail").took(Duration.ZERO);
    assertThat(result).state(CALL).wasNotRetried().failedWith("BadRequest", pythonError("BadRequest", "Bad request"));
    assertThat(result).state("Fail").hasInputContaining("{\"Error\": \"BadRequest\"}");
  }

  /** Scenario: Lambda throttles once (Lambda.TooManyRequestsException is in the retrier too). */
  @Test
  void throttlingIsRetried() {
    mocks.onLambda("GenerateRandomResponses")
        .willThrow("Lambda.TooManyRequestsException", "Rate exceeded")
        .thenReturn(Map.of("statusCode", 200, "body", "Success"));

    assertThat(backoff.run()).succeeded().took(Duration.ofSeconds(2)).state(CALL).wasRetried(1);
  }
}
