package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_FAILED;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Step Functions workshop, module 8 "Retry": a Lambda function (bare ARN, so history shows
 * {@code LambdaFunction*} events) retried on {@code CustomError} with IntervalSeconds 1, MaxAttempts
 * 2, BackoffRate 2: attempts at 0 s, 1 s and 3 s.
 */
@StateMachineTest(definition = "error-handling-retry-catch/workshop-module08-retry.asl.json")
class WorkshopRetryTest {

  static final String CUSTOM_ERROR_CAUSE =
      "{\"errorMessage\": \"This is a custom error!\", \"errorType\": \"CustomError\", \"stackTrace\": []}";

  StateMachineUnderTest retry;
  MockedResponses mocks;

  /** Scenario (the lab): the function always throws CustomError; after two retries the execution fails with it. */
  @Test
  void alwaysFailingFunctionIsRetriedTwiceWithExponentialBackoffThenFails() {
    mocks.onLambda("FailFunction").willThrow("CustomError", CUSTOM_ERROR_CAUSE);

    ExecutionResult result = retry.run();

    assertThat(result).failedWith("CustomError", CUSTOM_ERROR_CAUSE).took(Duration.ofSeconds(3));
    assertThat(result).state("StartExecution").wasRetried(2).failedWith("CustomError");
    assertThat(result).events().ofType(LAMBDA_FUNCTION_FAILED).hasSize(3);
    // 1 s, then 1 s x BackoffRate 2
    assertThat(Timeline.gaps(result, "StartExecution", LAMBDA_FUNCTION_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    mocks.verify("StartExecution").times(3);
  }

  /** Scenario: a transient CustomError; the first retry succeeds and its result is the output. */
  @Test
  void transientErrorIsAbsorbedByTheFirstRetry() {
    mocks.onLambda("FailFunction").willThrow("CustomError", CUSTOM_ERROR_CAUSE).thenReturn("{\"status\": \"done\"}");

    ExecutionResult result = retry.run("{\"who\": \"workshop\"}");

    assertThat(result).succeeded().hasOutput("{\"status\": \"done\"}").took(Duration.ofSeconds(1));
    assertThat(result).state("StartExecution").wasRetried(1).didNotFail()
        // a bare Lambda ARN gets the state input as its event
        .wasScheduledWith("{\"who\": \"workshop\"}");
  }

  /** Scenario: an error the retrier does not name is not retried at all. */
  @Test
  void otherErrorsAreNotRetried() {
    mocks.onLambda("FailFunction").willThrow("Lambda.Unknown", "The function crashed");

    ExecutionResult result = retry.run();

    assertThat(result).failedWith("Lambda.Unknown", "The function crashed").took(Duration.ZERO);
    assertThat(result).state("StartExecution").wasNotRetried();
  }
}
