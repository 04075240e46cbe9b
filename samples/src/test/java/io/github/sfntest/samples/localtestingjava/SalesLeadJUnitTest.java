package io.github.sfntest.samples.localtestingjava;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.TASK_STATE_EXITED;
import static io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.junit.MockConfig;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AWS's own Java sample of Step Functions Local ("demo-local-testing-using-java"), ported: the same
 * definition, the same MockConfigFile variant and input, every check of the upstream {@code
 * StepFunctionsLocalJUnitTest}, but no Docker container, no {@code createStateMachine} call and no
 * {@code Thread.sleep(2000)} before reading the history: the execution is over when {@code run}
 * returns, and its 1 s retry intervals passed on the virtual clock.
 *
 * <p>As upstream, the definition's {@code ${...}} placeholders are left unsubstituted: every task
 * is answered by the MockConfigFile's test case, so nothing ever calls {@code ${CheckIdentityFunctionArn}}.
 */
@StateMachineTest(definition = "local-testing-java-junit-spock/local_testing.asl.json", name = "LocalTesting")
@MockConfig(file = "local-testing-java-junit-spock/MockConfigFile.json")
class SalesLeadJUnitTest {

  static final String EVENT_FILE = "local-testing-java-junit-spock/events/sfn_valid_input.json";

  StateMachineUnderTest salesLead;

  /** Upstream starts named executions ("happyPathExecution"); so do we. */
  ExecutionResult run(String executionName) {
    String input = TestResource.read(EVENT_FILE, "the sales lead").text();
    return salesLead.start(StartRequest.of(salesLead.definition(), input).withExecutionName(executionName)).awaitCompletion();
  }

  /** Upstream "Check Container is running": here, the state machine is ready under the MockConfigFile's name. */
  @Test
  void stateMachineIsReadyUnderItsMockConfigName() {
    assertThat(salesLead.name()).isEqualTo("LocalTesting");
    assertThat(salesLead.definition().stateNames()).hasSize(8).contains("Validation", "DetectSentiment", "Add to FollowUp");
  }

  /** Upstream "Test Happy Path Scenario": exactly one TaskStateExited for CustomerAddedToFollowup. */
  @Test
  @MockConfig(testCase = "HappyPathTest")
  void happyPath() {
    ExecutionResult result = run("happyPathExecution");

    assertThat(result.executionArn()).endsWith(":LocalTesting:happyPathExecution");
    assertThat(result).events().forState("CustomerAddedToFollowup").ofType(TASK_STATE_EXITED).hasSize(1);
    // beyond upstream: the status, the path and the output (the variant's mocked putEvents result)
    assertThat(result).succeeded()
        .visitedInOrder("Validation", "DetectSentiment", "Is Positive Sentiment?", "Add to FollowUp", "CustomerAddedToFollowup")
        .hasOutput("{\"statusCode\": 200, \"Payload\": {\"statusCode\": 200}}")
        .took(Duration.ZERO);
    // the variant's Lambda bodies are shorter, and the lead is stored by e-mail
    assertThat(result).state("Validation").hasOutputContaining(
        "{\"results\": {\"identityResult\": {\"approved\": true}, \"addressResult\": {\"approved\": true}}}");
    assertThat(result).state("Add to FollowUp").hasOutputContaining("{\"results\": {\"dbUpdateStatusCode\": 200}}");
  }

  /** Upstream "Test Negative Sentiment Scenario": exactly one TaskStateExited for NegativeSentimentDetected. */
  @Test
  @MockConfig(testCase = "NegativeSentimentTest")
  void negativeSentiment(MockedResponses mocks) {
    ExecutionResult result = run("negativeSentimentExecution");

    assertThat(result).events().forState("NegativeSentimentDetected").ofType(TASK_STATE_EXITED).hasSize(1);
    assertThat(result).succeeded().endedIn("NegativeSentimentDetected").didNotVisit("Add to FollowUp");
    mocks.verify("Add to FollowUp").never();
  }

  /**
   * Upstream "Test Retry on Service Exception": TaskFailed(InternalServerException) three times,
   * then the TaskSucceeded of {@code comprehend:detectSentiment}. Upstream slept 4 s for the three
   * 1 s retry intervals; here they take 3 s of virtual time and no real time.
   */
  @Test
  @MockConfig(testCase = "RetryOnServiceExceptionTest")
  void retryOnServiceException() {
    ExecutionResult result = run("retryExecution");

    List<HistoryEvent> results = result.history().events().stream()
        .filter(h -> (h.type() == TASK_FAILED && h.error().orElse("").equals("InternalServerException"))
            || (h.type() == TASK_SUCCEEDED && h.detail("resource").orElse("").equals("detectSentiment")
                && h.detail("resourceType").orElse("").equals("aws-sdk:comprehend")))
        .toList();
    assertThat(results).hasSize(4);
    assertThat(results.subList(0, 3)).extracting(h -> h.error().orElseThrow()).containsOnly("InternalServerException");
    assertThat(results.get(3).type()).isEqualTo(TASK_SUCCEEDED);
    // beyond upstream: the spacing of the attempts, and the lead still reaches the follow-up table
    assertThat(Timeline.gaps(result, "DetectSentiment", TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(result).succeeded().endedIn("CustomerAddedToFollowup").took(Duration.ofSeconds(3));
  }

  /**
   * Never tested upstream: the follow-up table rejects the write. "Add to FollowUp" has neither
   * Retry nor Catch, so the lead is lost and the execution fails with DynamoDB's error; the
   * customer is never announced.
   */
  @Test
  @MockConfig(testCase = "HappyPathTest")
  void followUpTableThrottlingFailsTheExecution(MockedResponses mocks) {
    mocks.onState("Add to FollowUp")
        .willThrow("DynamoDB.ProvisionedThroughputExceededException", "Rate of requests exceeds the allowed throughput.");

    ExecutionResult result = run("throttledExecution");

    assertThat(result).failedWith("DynamoDB.ProvisionedThroughputExceededException", "Rate of requests exceeds the allowed throughput.")
        .endedIn("Add to FollowUp")
        .didNotVisit("CustomerAddedToFollowup");
    assertThat(result).state("Add to FollowUp").wasNotRetried()
        .failedWith("DynamoDB.ProvisionedThroughputExceededException");
    assertThat(result).events().forState("Add to FollowUp").ofType(TASK_FAILED).hasSize(1);
    assertThat(result).events().forState("Add to FollowUp").ofType(TASK_STATE_EXITED).isEmpty();
    mocks.verify("CustomerAddedToFollowup").never();
  }

  /**
   * Never tested upstream: the address service is down (Lambda.ServiceException on every call).
   * It is retried 3 times, 1 s apart; when the retries are exhausted the Parallel state's
   * catch-all reports a validation exception, and the identity branch's result is dropped.
   */
  @Test
  @MockConfig(testCase = "ValidationExceptionCatchTest") // its ValidationException mock reports the failure
  void addressServiceOutageExhaustsTheRetriesAndIsCaught(MockedResponses mocks) {
    mocks.onState("Check Address").willThrow("Lambda.ServiceException", "Service unavailable");

    ExecutionResult result = run("addressOutageExecution");

    assertThat(result).succeeded().hasPath("Validation", "Check Identity", "Check Address", "ValidationException")
        .took(Duration.ofSeconds(3));
    assertThat(result).state("Check Address").wasRetried(3).failedWith("Lambda.ServiceException", "Service unavailable");
    assertThat(Timeline.gaps(result, "Check Address", TASK_FAILED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(result).state("Validation").failedWith("Lambda.ServiceException").wasCaughtBy("ValidationException");
    assertThat(result).state("ValidationException")
        .hasInput("{\"Error\": \"Lambda.ServiceException\", \"Cause\": \"Service unavailable\"}");
    mocks.verify("Check Address").times(4);
    mocks.verify("DetectSentiment").never();
  }
}
