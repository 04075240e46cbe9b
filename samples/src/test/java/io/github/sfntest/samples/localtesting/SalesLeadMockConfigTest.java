package io.github.sfntest.samples.localtesting;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.TASK_STATE_EXITED;
import static io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.junit.MockConfig;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.TestCases;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The AWS reference scenario for Step Functions Local mocks (aws-samples "app-local-testing-mock-config"):
 * a CRM sales lead is validated (identity and address in parallel), sentiment-analysed with Amazon
 * Comprehend, then stored for follow-up (positive) or reported (negative). The upstream {@code
 * MockConfigFile.json} is used unchanged; each of its five test cases is one business scenario.
 *
 * <p>Where the upstream tests slept 2-4 s and counted history events, these run in milliseconds on
 * the virtual clock and assert status, output, path, retries (count and spacing) and catcher input.
 */
@StateMachineTest(
    definition = "local-testing-mock-config/local_testing.asl.json",
    name = "LocalTesting", // the state machine's name in MockConfigFile.json
    substitutions = {
        "CheckIdentityFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:CheckIdentity",
        "CheckAddressFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:CheckAddress",
        "FollowUpTableName=FollowUpTable"
    })
@MockConfig(file = "local-testing-mock-config/MockConfigFile.json")
class SalesLeadMockConfigTest {

  static final String LEAD = "local-testing-mock-config/events/sfn_valid_input.json";

  /** The lead's data as the input file holds it; the definition passes it on unchanged. */
  static final String LEAD_DATA = """
      {"firstname": "Jane", "lastname": "Doe",
       "identity": {"email": "jdoe@example.com", "ssn": "123-45-6789"},
       "address": {"street": "123 Main St", "city": "Columbus", "state": "OH", "zip": "43219"},
       "comments": "I am glad to sign-up for this service. Looking forward to different options."}""";

  static final String POSITIVE_SENTIMENT = """
      {"Sentiment": "POSITIVE",
       "SentimentScore": {"Mixed": 0.00012647535, "Negative": 0.00008031699,
                          "Neutral": 0.0051454515, "Positive": 0.9946478}}""";

  static final String PUT_EVENTS_MOCK = "{\"Payload\": {\"Entries\": [{\"EventId\": \"abc123\"}], \"FailedEntryCount\": 0}}";

  // fields, not parameters: Surefire then names each test after its method alone
  StateMachineUnderTest salesLead;
  MockedResponses mocks;

  ExecutionResult runWithTheSampleLead() {
    return salesLead.runWithInputFrom(LEAD);
  }

  /** Scenario: a valid lead with a positive comment is stored in the follow-up table and announced. */
  @Test
  @MockConfig(testCase = "HappyPathTest")
  void positiveLeadIsStoredForFollowUpAndAnnounced() {
    ExecutionResult result = runWithTheSampleLead();

    assertThat(result).succeeded()
        .visitedInOrder("Validation", "DetectSentiment", "Is Positive Sentiment?", "Add to FollowUp", "CustomerAddedToFollowup")
        .visited("Check Identity", "Check Address")
        .didNotVisit("NegativeSentimentDetected", "CustomValidationFailed", "ValidationException")
        .endedIn("CustomerAddedToFollowup")
        // the execution's output is the mocked putEvents result, as the upstream README shows
        .hasOutput("{\"StatusCode\": 200, \"Payload\": {\"statusCode\": 200}}")
        .took(Duration.ZERO);
    // what the upstream test asserted: exactly one TaskStateExited for CustomerAddedToFollowup
    assertThat(result).events().forState("CustomerAddedToFollowup").ofType(TASK_STATE_EXITED).hasSize(1);

    // each validator got its slice of the lead, and the Lambda bodies were parsed by States.StringToJson
    assertThat(result).state("Check Identity")
        .wasScheduledWith("""
            {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:CheckIdentity",
             "Payload": {"email": "jdoe@example.com", "ssn": "123-45-6789"}}""")
        .hasOutput("{\"identity\": {\"approved\": true, \"message\": \"identity validation passed\"}}");
    assertThat(result).state("Check Address")
        .wasScheduledWithContaining("{\"Payload\": {\"street\": \"123 Main St\", \"city\": \"Columbus\", \"state\": \"OH\", \"zip\": \"43219\"}}");
    assertThat(result).state("Validation").hasOutput("{\"data\": " + LEAD_DATA + ", \"results\": {"
        + "\"identityResult\": {\"approved\": true, \"message\": \"identity validation passed\"},"
        + "\"addressResult\": {\"approved\": true, \"message\": \"address validation passed\"}}}");

    // Comprehend analysed the comment; its result replaced $.results
    assertThat(result).state("DetectSentiment")
        .wasScheduledWith("{\"LanguageCode\": \"en\", \"Text\": \"I am glad to sign-up for this service. Looking forward to different options.\"}")
        .hasOutput("{\"data\": " + LEAD_DATA + ", \"results\": {\"sentimentAnalysis\": " + POSITIVE_SENTIMENT + "}}");

    // the lead is stored by e-mail; ResultSelector keeps only the HTTP status
    assertThat(result).state("Add to FollowUp")
        .wasScheduledWith("{\"TableName\": \"FollowUpTable\", \"Item\": {\"PK\": {\"S\": \"jdoe@example.com\"}}}")
        .hasOutput("{\"data\": " + LEAD_DATA + ", \"results\": {\"dbUpdateStatusCode\": 200}}");
    assertThat(result).state("CustomerAddedToFollowup").wasScheduledWith("""
        {"Entries": [{"Detail": {"Message": "Customer Added for follow up", "EmailAddress": "jdoe@example.com"},
                      "DetailType": "CustomerAdded", "EventBusName": "default", "Source": "LocalTestingSource"}]}""");
    mocks.verify("Add to FollowUp").times(1);
  }

  /** Scenario: a lead with a negative comment is reported on the event bus and never stored. */
  @Test
  @MockConfig(testCase = "NegativeSentimentTest")
  void negativeLeadIsReportedAndNotStored() {
    ExecutionResult result = runWithTheSampleLead();

    assertThat(result).succeeded()
        .visitedInOrder("Validation", "DetectSentiment", "Is Positive Sentiment?", "NegativeSentimentDetected")
        .didNotVisit("Add to FollowUp", "CustomerAddedToFollowup")
        .endedIn("NegativeSentimentDetected")
        .hasOutput(PUT_EVENTS_MOCK);
    assertThat(result).events().forState("NegativeSentimentDetected").ofType(TASK_STATE_EXITED).hasSize(1);
    assertThat(result).state("DetectSentiment").hasOutputContaining(
        "{\"results\": {\"sentimentAnalysis\": {\"Sentiment\": \"NEGATIVE\"}}}");
    // the whole lead travels with the event, so someone can follow up on the complaint
    assertThat(result).state("NegativeSentimentDetected").wasScheduledWith("""
        {"Entries": [{"Detail": {"Message": "Negative Sentiment Detected", "Data": %s},
                      "DetailType": "NegativeSentiment", "EventBusName": "default", "Source": "LocalTestingSource"}]}"""
        .formatted(LEAD_DATA));
    mocks.verify("Add to FollowUp").never();
  }

  /**
   * Scenario: the identity check keeps rejecting the lead. It is retried 3 times, 1 s apart
   * (IntervalSeconds 1, BackoffRate 1), then the Parallel state's CustomValidationError catcher
   * reports the failure; the error object becomes the catcher's whole input (no ResultPath).
   */
  @Test
  @MockConfig(testCase = "CustomValidationFailedCatchTest")
  void rejectedIdentityIsRetriedThreeTimesThenReportedAsValidationFailure() {
    ExecutionResult result = runWithTheSampleLead();

    assertThat(result).succeeded()
        .visitedInOrder("Validation", "CustomValidationFailed")
        .didNotVisit("DetectSentiment", "ValidationException")
        .endedIn("CustomValidationFailed")
        .hasOutput(PUT_EVENTS_MOCK)
        .took(Duration.ofSeconds(3));
    assertThat(result).state("Check Identity")
        .wasRetried(3)
        .failedWith("CustomValidationError", "Check Identity Validation Failed");
    assertThat(Timeline.gaps(result, "Check Identity", TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(result).state("Check Address").didNotFail().wasNotRetried();
    assertThat(result).state("Validation").failedWith("CustomValidationError").wasCaughtBy("CustomValidationFailed");
    assertThat(result).state("CustomValidationFailed")
        .hasInput("{\"Error\": \"CustomValidationError\", \"Cause\": \"Check Identity Validation Failed\"}");
    assertThat(result).events().forState("CustomValidationFailed").ofType(TASK_STATE_EXITED).hasSize(1);
    mocks.verify("Check Identity").times(4);
  }

  /**
   * Scenario: the address service fails with an error nobody retries (CustomAddressValidationError
   * is not in the Retry list). The catch-all catcher reports a validation exception at once.
   */
  @Test
  @MockConfig(testCase = "ValidationExceptionCatchTest")
  void unexpectedAddressErrorIsNotRetriedAndReportedAsValidationException() {
    ExecutionResult result = runWithTheSampleLead();

    assertThat(result).succeeded()
        .visitedInOrder("Validation", "ValidationException")
        .didNotVisit("DetectSentiment", "CustomValidationFailed")
        .endedIn("ValidationException")
        .hasOutput(PUT_EVENTS_MOCK)
        .took(Duration.ZERO);
    assertThat(result).state("Check Address")
        .wasNotRetried()
        .failedWith("CustomAddressValidationError", "Address Validation Exception");
    // the first catcher (CustomValidationError) does not match; States.ALL does
    assertThat(result).state("Validation").failedWith("CustomAddressValidationError").wasCaughtBy("ValidationException");
    assertThat(result).state("ValidationException")
        .hasInput("{\"Error\": \"CustomAddressValidationError\", \"Cause\": \"Address Validation Exception\"}")
        .wasScheduledWith("""
            {"Entries": [{"Detail": {"Message": "Validation Exception"}, "DetailType": "ValidationException",
                          "EventBusName": "default", "Source": "LocalTestingSource"}]}""");
    mocks.verify("Check Address").times(1);
  }

  /**
   * Scenario: Comprehend has a bad moment (InternalServerException three times). The retrier absorbs
   * it, 1 s apart, and the lead is still stored for follow-up.
   */
  @Test
  @MockConfig(testCase = "RetryOnServiceExceptionTest")
  void comprehendOutageIsRetriedUntilSentimentIsDetected() {
    ExecutionResult result = runWithTheSampleLead();

    assertThat(result).succeeded()
        .endedIn("CustomerAddedToFollowup")
        .hasOutput("{\"StatusCode\": 200, \"Payload\": {\"statusCode\": 200}}")
        .took(Duration.ofSeconds(3));
    assertThat(result).state("DetectSentiment").wasRetried(3).didNotFail()
        .hasOutput("{\"data\": " + LEAD_DATA + ", \"results\": {\"sentimentAnalysis\": " + POSITIVE_SENTIMENT + "}}");
    // the upstream test's filter: 3 x TaskFailed(InternalServerException), then the TaskSucceeded
    List<HistoryEvent> attempts = result.history().forState("DetectSentiment").ofTypes(TASK_FAILED, TASK_SUCCEEDED);
    assertThat(attempts).extracting(HistoryEvent::type).containsExactly(TASK_FAILED, TASK_FAILED, TASK_FAILED, TASK_SUCCEEDED);
    assertThat(attempts.subList(0, 3)).allSatisfy(failure -> {
      assertThat(failure.error()).contains("InternalServerException");
      assertThat(failure.cause()).contains("Server Exception while calling DetectSentiment API in Comprehend Service");
    });
    // history splits the integration as AWS does: resourceType "aws-sdk:comprehend", resource "detectSentiment"
    assertThat(attempts.get(3).detail("resourceType")).contains("aws-sdk:comprehend");
    assertThat(attempts.get(3).detail("resource")).contains("detectSentiment");
    // ... and the upstream notation filters the same events
    assertThat(result).events().forResource("comprehend:detectSentiment").ofType(TASK_FAILED).hasSize(3);
    assertThat(result.history().forResource("arn:aws:states:::aws-sdk:comprehend:detectSentiment")
        .ofTypes(TASK_FAILED, TASK_SUCCEEDED)).isEqualTo(attempts);
    assertThat(Timeline.gaps(result, "DetectSentiment", TASK_FAILED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(Timeline.sinceStart(result, "DetectSentiment", TASK_SUCCEEDED)).isEqualTo(Duration.ofSeconds(3));
  }

  /**
   * Beyond the file: the same lead when Comprehend never recovers. A test overrides one state of a
   * MockConfigFile test case in Java; after 1 + 3 attempts the error is not caught and the
   * execution fails with it.
   */
  @Test
  @MockConfig(testCase = "RetryOnServiceExceptionTest")
  void comprehendOutageLongerThanTheRetriesFailsTheExecution() {
    mocks.onState("DetectSentiment").willThrow("InternalServerException", "Comprehend is down");

    ExecutionResult result = runWithTheSampleLead();

    assertThat(result).failedWith("InternalServerException", "Comprehend is down")
        .endedIn("DetectSentiment")
        .didNotVisit("Is Positive Sentiment?", "Add to FollowUp")
        .took(Duration.ofSeconds(3));
    assertThat(result).state("DetectSentiment").wasRetried(3).failedWith("InternalServerException");
    mocks.verify("DetectSentiment").times(4);
    mocks.verify("Add to FollowUp").never();
  }

  /** Where each of the file's test cases ends: the upstream Spock data table, as one JUnit test factory. */
  static final Map<String, String> END_STATE = Map.of(
      "HappyPathTest", "CustomerAddedToFollowup",
      "NegativeSentimentTest", "NegativeSentimentDetected",
      "CustomValidationFailedCatchTest", "CustomValidationFailed",
      "ValidationExceptionCatchTest", "ValidationException",
      "RetryOnServiceExceptionTest", "CustomerAddedToFollowup");

  /**
   * Every test case of the unchanged MockConfigFile runs to its own end state, exactly once; each is
   * one test, named after the test case (in the IDE and in Surefire's reports).
   */
  @TestFactory
  Stream<DynamicTest> everyTestCaseEndsInItsOwnEventState(TestCases testCases) {
    return testCases.each(testCase -> {
      ExecutionResult result = runWithTheSampleLead();

      assertThat(END_STATE).containsKey(testCase);
      assertThat(result).succeeded().endedIn(END_STATE.get(testCase));
      assertThat(result).events().forState(END_STATE.get(testCase)).ofType(TASK_STATE_EXITED).hasSize(1);
    });
  }
}
