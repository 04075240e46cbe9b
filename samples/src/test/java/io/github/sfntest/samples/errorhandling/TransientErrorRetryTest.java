package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.teststate.InspectionLevel;
import io.github.sfntest.testing.SingleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Retry/Catch configuration of "Generate random response" (retry-with-exponential-backoff),
 * one state at a time: which errors are retried, after which backoff, and when the catcher takes
 * over. A whole execution would have to fail six times in a row to reach the last retry; a
 * single-state test names the retry count ({@code retrierRetryCount}) and reads the decision.
 */
@StateMachineTest(definition = "error-handling-retry-catch/retry-with-exponential-backoff.asl.json",
    substitutions = "generateRandomResponsesLambda=arn:aws:lambda:us-east-1:123456789012:function:GenerateRandomResponses")
@StateUnderTest("Generate random response")
class TransientErrorRetryTest {

  @ParameterizedTest(name = "after {0} retries the next one waits {1} s")
  @CsvSource({"0, 2", "1, 4", "2, 8", "5, 64"})
  void transient_lambda_errors_back_off_exponentially(int retriesSoFar, long backoffSeconds, SingleState call) {
    assertThat(call.test(state -> state
            .mockError("Lambda.TooManyRequestsException", "Rate exceeded")
            .retrierRetryCount(retriesSoFar)
            .inspectionLevel(InspectionLevel.DEBUG)))
        .isRetriable()
        .inspection().wouldRetryWith(0, backoffSeconds);
  }

  @Test
  void after_six_retries_the_catcher_sends_the_error_to_fail(SingleState call) {
    assertThat(call.test(state -> state
            .mockError("Lambda.TooManyRequestsException", "Rate exceeded")
            .retrierRetryCount(6)
            .inspectionLevel(InspectionLevel.DEBUG)))
        .caughtError().goesTo("Fail").inspection().caughtBy(0);
  }

  @Test
  void an_error_that_is_not_transient_is_caught_at_once(SingleState call) {
    assertThat(call.test(state -> state.mockError("ValidationError", "bad input")))
        .caughtError().hasError("ValidationError").goesTo("Fail")
        .hasOutput("{\"Error\": \"ValidationError\", \"Cause\": \"bad input\"}");
  }

  @Test
  void a_result_keeps_only_the_lambda_payload(SingleState call) {
    assertThat(call.test(state -> state.mockResult("{\"StatusCode\": 200, \"Payload\": {\"message\": \"ok\"}}")))
        .succeeded().goesTo("Succeed").hasOutput("{\"message\": \"ok\"}");
  }
}
