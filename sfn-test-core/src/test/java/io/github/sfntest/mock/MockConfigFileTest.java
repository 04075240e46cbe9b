package io.github.sfntest.mock;

import static io.github.sfntest.mock.Invocations.LAMBDA_INVOKE;
import static io.github.sfntest.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.internal.json.Json;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MockConfigFileTest {

  static Path resource(String name) {
    try {
      return Path.of(MockConfigFileTest.class.getResource("/mock/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final MockConfigFile SALES_LEAD = MockConfigFile.load(resource("sales-lead-MockConfigFile.json"));

  static final String DETECT = "arn:aws:states:::aws-sdk:comprehend:detectSentiment";
  static final String PUT_EVENTS = "arn:aws:states:::events:putEvents";

  // ---- the aws-samples sales-lead file, test case by test case

  @Test
  void sales_lead_file_lists_its_machine_and_five_test_cases() {
    assertThat(SALES_LEAD.stateMachineNames()).containsExactly("LocalTesting");
    assertThat(SALES_LEAD.testCaseNames("LocalTesting"))
        .containsExactly(
            "HappyPathTest",
            "NegativeSentimentTest",
            "CustomValidationFailedCatchTest",
            "ValidationExceptionCatchTest",
            "RetryOnServiceExceptionTest");
  }

  @Test
  void happy_path_returns_the_mocked_results_exactly() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "HappyPathTest");
    assertThat(h.invoke(call("Check Identity", LAMBDA_INVOKE, "{}", 0)))
        .isEqualTo(
            TaskOutcome.success(
                Json.parse(
                    "{\"StatusCode\":200,\"Payload\":{\"statusCode\":200,\"body\":\"{\\\"approved\\\": true,"
                        + " \\\"message\\\": \\\"identity validation passed\\\"}\"}}")));
    TaskOutcome sentiment = h.invoke(call("DetectSentiment", DETECT, "{}", 0));
    assertThat(Json.write(((TaskOutcome.Success) sentiment).output()))
        .isEqualTo(
            "{\"Sentiment\":\"POSITIVE\",\"SentimentScore\":{\"Mixed\":0.00012647535,\"Negative\":0.00008031699,"
                + "\"Neutral\":0.0051454515,\"Positive\":0.9946478}}");
    assertThat(h.invoke(call("Add to FollowUp", "arn:aws:states:::dynamodb:putItem", "{}", 0)))
        .isEqualTo(TaskOutcome.success(Json.parse("{\"SdkHttpMetadata\":{\"HttpStatusCode\":200}}")));
  }

  @Test
  void custom_validation_case_throws_for_the_first_call_and_all_three_retries_then_has_nothing() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "CustomValidationFailedCatchTest");
    for (int i = 0; i <= 3; i++) {
      assertThat(h.invoke(call("Check Identity", LAMBDA_INVOKE, "{}", i)))
          .isEqualTo(new TaskOutcome.Failure("CustomValidationError", "Check Identity Validation Failed", Duration.ZERO));
    }
    assertThat(h.invoke(call("Check Identity", LAMBDA_INVOKE, "{}", 4)))
        .isEqualTo(
            new TaskOutcome.Failure(
                "States.Runtime",
                "The mocked response 'CheckIdentityLambdaMockedThrowError' of state 'Check Identity' (test case"
                    + " 'CustomValidationFailedCatchTest') has no entry for invocation 4; it defines \"0-3\"."
                    + " Invocations count from 0 per state and execution, retries and Map iterations included;"
                    + " add the key \"4\" or a range that includes it.",
                Duration.ZERO));
  }

  @Test
  void validation_exception_case_throws_the_uncaught_address_error_once() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "ValidationExceptionCatchTest");
    assertThat(h.invoke(call("Check Address", LAMBDA_INVOKE, "{}", 0)))
        .isEqualTo(TaskOutcome.failure("CustomAddressValidationError", "Address Validation Exception"));
    assertThat(h.invoke(call("ValidationException", PUT_EVENTS, "{}", 0)))
        .isEqualTo(
            TaskOutcome.success(
                Json.parse("{\"Payload\":{\"Entries\":[{\"EventId\":\"abc123\"}],\"FailedEntryCount\":0}}")));
  }

  @Test
  void retry_case_fails_three_times_then_succeeds_on_the_fourth_invocation() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "RetryOnServiceExceptionTest");
    for (int i = 0; i <= 2; i++) {
      assertThat(h.invoke(call("DetectSentiment", DETECT, "{}", i)))
          .isEqualTo(
              TaskOutcome.failure(
                  "InternalServerException",
                  "Server Exception while calling DetectSentiment API in Comprehend Service"));
    }
    TaskOutcome fourth = h.invoke(call("DetectSentiment", DETECT, "{}", 3));
    assertThat(((TaskOutcome.Success) fourth).output().get("Sentiment").textValue()).isEqualTo("POSITIVE");
  }

  @Test
  void negative_sentiment_case_answers_detect_sentiment_negative() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "NegativeSentimentTest");
    TaskOutcome out = h.invoke(call("DetectSentiment", DETECT, "{}", 0));
    assertThat(((TaskOutcome.Success) out).output().get("Sentiment").textValue()).isEqualTo("NEGATIVE");
  }

  @Test
  void a_state_the_test_case_does_not_name_is_not_handled_with_a_how_to() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "NegativeSentimentTest");
    assertThat(h.invoke(call("Add to FollowUp", "arn:aws:states:::dynamodb:putItem", "{}", 0)))
        .isEqualTo(
            new TaskOutcome.NotHandled(
                "Task state 'Add to FollowUp' (resource arn:aws:states:::dynamodb:putItem, invocation #0) has no"
                    + " mock in test case 'NegativeSentimentTest' of state machine 'LocalTesting'"
                    + " (sales-lead-MockConfigFile.json). Mocked states in this test case: \"Check Identity\","
                    + " \"Check Address\", \"DetectSentiment\", \"NegativeSentimentDetected\". To mock it, add"
                    + " \"Add to FollowUp\": \"<ResponseName>\" under StateMachines/LocalTesting/TestCases/"
                    + "NegativeSentimentTest, or in Java: mocks.onState(\"Add to FollowUp\").willReturn(...)"));
  }

  @Test
  void a_near_miss_state_name_gets_a_did_you_mean_and_a_lambda_hint() {
    TaskHandler h = SALES_LEAD.testCase("LocalTesting", "HappyPathTest");
    TaskOutcome out =
        h.invoke(call("Check Adress", LAMBDA_INVOKE, "{\"FunctionName\":\"arn:aws:lambda:us-east-1:1:function:check-address:live\"}", 0));
    assertThat(((TaskOutcome.NotHandled) out).reason())
        .contains("(sales-lead-MockConfigFile.json). Did you mean 'Check Address'? The names must match exactly.")
        .endsWith(
            "or in Java: mocks.onState(\"Check Adress\").willReturn(...) or mocks.onLambda(\"check-address\").willReturn(...)");
  }

  @Test
  void the_java_junit_spock_variant_parses_and_resolves() {
    MockConfigFile file = MockConfigFile.load(resource("java-junit-spock-MockConfigFile.json"));
    TaskHandler h = file.testCase("LocalTesting", "HappyPathTest");
    assertThat(h.invoke(call("Check Identity", LAMBDA_INVOKE, "{}", 0)))
        .isEqualTo(
            TaskOutcome.success(
                Json.parse("{\"statusCode\":200,\"Payload\":{\"statusCode\":200,\"body\":\"{\\\"approved\\\": true}\"}}")));
  }

  // ---- selecting machines and test cases

  @Test
  void an_unknown_test_case_lists_the_known_ones_and_the_closest() {
    assertThatThrownBy(() -> SALES_LEAD.testCase("LocalTesting", "HappyPath"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "State machine \"LocalTesting\" has no test case \"HappyPath\" in sales-lead-MockConfigFile.json."
                + " Did you mean \"HappyPathTest\"? Known test cases: \"HappyPathTest\", \"NegativeSentimentTest\","
                + " \"CustomValidationFailedCatchTest\", \"ValidationExceptionCatchTest\", \"RetryOnServiceExceptionTest\".");
  }

  @Test
  void an_unknown_state_machine_lists_the_known_ones_and_the_closest() {
    assertThatThrownBy(() -> SALES_LEAD.testCase("LocalTest", "HappyPathTest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "State machine \"LocalTest\" is not in sales-lead-MockConfigFile.json. Did you mean \"LocalTesting\"?"
                + " Known state machines: \"LocalTesting\".");
  }

  @Test
  void a_test_case_alone_selects_the_machine_by_the_running_machine_name() {
    TaskHandler h = SALES_LEAD.testCase("HappyPathTest");
    assertThat(h.invoke(call("Check Address", LAMBDA_INVOKE, "{}", 0))).isInstanceOf(TaskOutcome.Success.class);
    assertThat(h.invoke(call("Other", Invocations.EXECUTION, "Check Address", LAMBDA_INVOKE, "{}", 0)))
        .isEqualTo(
            new TaskOutcome.NotHandled(
                "State machine 'Other' has no test case 'HappyPathTest' in sales-lead-MockConfigFile.json; state"
                    + " machines with it: \"LocalTesting\". Use MockConfigFile.testCase(stateMachineName,"
                    + " testCaseName) to pick one whatever the running machine is called."));
    assertThatThrownBy(() -> SALES_LEAD.testCase("HapyPathTest"))
        .hasMessageStartingWith(
            "No state machine in sales-lead-MockConfigFile.json has the test case \"HapyPathTest\". Did you mean"
                + " \"HappyPathTest\"?");
  }

  // ---- Step Functions Local lookup rules

  static final String GAPS =
      """
      {"StateMachines": {"SM": {"TestCases": {"Case": {"A": "Gappy", "B": "Empty", "C": "Bare"}}}},
       "MockedResponses": {
         "Gappy": {"1": {"Return": "one"}, "3-4": {"Throw": {"Error": "E"}}},
         "Empty": {},
         "Bare": {"0": {"Throw": {}}}}}
      """;

  @Test
  void an_index_in_a_gap_or_past_the_last_key_fails_with_states_runtime_and_nothing_repeats() {
    TaskHandler h = MockConfigFile.parse(GAPS).testCase("SM", "Case");
    assertThat(h.invoke(call("A", "r", "{}", 0)))
        .isEqualTo(
            new TaskOutcome.Failure(
                "States.Runtime",
                "The mocked response 'Gappy' of state 'A' (test case 'Case') has no entry for invocation 0; it"
                    + " defines \"1\", \"3-4\". Invocations count from 0 per state and execution, retries and Map"
                    + " iterations included; add the key \"0\" or a range that includes it.",
                Duration.ZERO));
    assertThat(h.invoke(call("A", "r", "{}", 1))).isEqualTo(TaskOutcome.success(Json.parse("\"one\"")));
    assertThat(((TaskOutcome.Failure) h.invoke(call("A", "r", "{}", 2))).error()).isEqualTo("States.Runtime");
    assertThat(h.invoke(call("A", "r", "{}", 4))).isEqualTo(new TaskOutcome.Failure("E", null, Duration.ZERO));
    assertThat(((TaskOutcome.Failure) h.invoke(call("A", "r", "{}", 5))).error()).isEqualTo("States.Runtime");
  }

  @Test
  void a_response_without_keys_loads_and_fails_when_used() {
    TaskOutcome out = MockConfigFile.parse(GAPS).testCase("SM", "Case").invoke(call("B", "r", "{}", 0));
    assertThat(((TaskOutcome.Failure) out).cause()).contains("it defines none.");
  }

  @Test
  void an_empty_throw_fails_without_error_or_cause_as_aws_records_it() {
    assertThat(MockConfigFile.parse(GAPS).testCase("SM", "Case").invoke(call("C", "r", "{}", 0)))
        .isEqualTo(new TaskOutcome.Failure(null, null, Duration.ZERO));
  }

  @Test
  void the_file_writes_back_normalised() {
    assertThat(Json.parse(MockConfigFile.parse(GAPS).toJson())).isEqualTo(Json.parse(GAPS));
  }
}
