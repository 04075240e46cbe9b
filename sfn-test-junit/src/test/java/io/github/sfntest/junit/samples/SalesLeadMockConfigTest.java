package io.github.sfntest.junit.samples;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.MockConfig;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The five test cases of aws-samples' app-local-testing-mock-config (local-testing/SOURCE.md), without a container. */
@StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
@MockConfig(file = "local-testing/MockConfigFile.json")
class SalesLeadMockConfigTest {
  StateMachineUnderTest salesLead;

  ExecutionResult run() {
    return salesLead.runWithInputFrom("local-testing/sfn_valid_input.json");
  }

  @Test @MockConfig(testCase = "HappyPathTest")
  void happyPath() {
    assertThat(run()).succeeded().state("CustomerAddedToFollowup").wasEnteredTimes(1)
        .hasOutput("{\"StatusCode\": 200, \"Payload\": {\"statusCode\": 200}}");
  }

  @Test @MockConfig(testCase = "NegativeSentimentTest")
  void negativeSentiment() {
    assertThat(run()).succeeded().endedIn("NegativeSentimentDetected").didNotVisit("Add to FollowUp");
  }

  @Test @MockConfig(testCase = "CustomValidationFailedCatchTest")
  void customValidationError() {
    assertThat(run()).succeeded().state("CustomValidationFailed").hasInput(
        "{\"Error\": \"CustomValidationError\", \"Cause\": \"Check Identity Validation Failed\"}");
    salesLead.mocks().verify("Check Identity").times(4);
  }

  @Test @MockConfig(testCase = "ValidationExceptionCatchTest")
  void validationException() {
    assertThat(run()).succeeded().state("ValidationException").hasInputContaining(
        "{\"Error\": \"CustomAddressValidationError\", \"Cause\": \"Address Validation Exception\"}");
  }

  @Test @MockConfig(testCase = "RetryOnServiceExceptionTest")
  void retryOnServiceException() {
    ExecutionResult result = run();
    assertThat(result).succeeded().state("DetectSentiment").wasRetried(3).tookAtLeast(Duration.ofSeconds(3));
    assertThat(result).events().forState("DetectSentiment").ofType(TASK_FAILED, TASK_SUCCEEDED)
        .containsExactly(TASK_FAILED, TASK_FAILED, TASK_FAILED, TASK_SUCCEEDED);
  }
}
