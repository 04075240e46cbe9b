package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.testing.TestResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/mocks.md: the same answers from a MockConfigFile and from the Java DSL. */
class MocksGuideTest {

  static final StateMachineDefinition SALES_LEAD =
      StateMachineDefinition.fromClasspath("local-testing-mock-config/local_testing.asl.json").withName("LocalTesting");
  static final String INPUT = TestResource.read("local-testing-mock-config/events/sfn_valid_input.json", "input").text();

  @Test
  void a_mock_config_file_test_case() {
    Path file = Path.of("local-testing-mock-config/MockConfigFile.json");   // relative to samples/
    // [mock-config-file]
    TaskHandler mocks = MockConfigFile.load(file).testCase("LocalTesting", "HappyPathTest");

    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(SALES_LEAD, INPUT).withTaskHandler(mocks));
      assertThat(result).succeeded().visited("CustomerAddedToFollowup");
    }
    // [/mock-config-file]
  }

  @Test
  void the_java_dsl() {
    // [mock-dsl]
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Check Identity").willReturn(IntegrationResults.lambdaPayload(
        Map.of("statusCode", 200, "body", "{\"approved\": true, \"message\": \"identity validation passed\"}")));
    mocks.onState("Check Address").willReturn(IntegrationResults.lambdaPayload(
        Map.of("statusCode", 200, "body", "{\"approved\": true, \"message\": \"address validation passed\"}")));
    mocks.onState("DetectSentiment")
        .willThrow("InternalServerException", "Service unavailable")   // first call
        .thenReturn(Map.of("Sentiment", "POSITIVE"))                           // the retry
        .withLatency(Duration.ofSeconds(2));                                   // on the virtual clock
    mocks.onState("Add to FollowUp").willAnswer(call ->                       // computed from the call
        call.parameters().path("Item").has("PK")
            ? Map.of("SdkHttpMetadata", Map.of("HttpStatusCode", 200))
            : TaskOutcome.failure("DynamoDB.ValidationException", "no key"));
    mocks.onState("CustomerAddedToFollowup").willReturn(Map.of());

    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(SALES_LEAD, INPUT).withTaskHandler(mocks));
      assertThat(result).succeeded().state("DetectSentiment").wasRetried(1);
    }
    mocks.verify("Add to FollowUp").times(1);
    // [/mock-dsl]
    // [mock-round-trip]
    MockedResponses plain = MockedResponses.create();   // answers computed in code have no file form
    plain.onState("DetectSentiment")
        .willThrow("InternalServerException", "Service unavailable")
        .thenReturn(Map.of("Sentiment", "POSITIVE"));
    String json = plain.toMockConfigFile("LocalTesting", "RetryThenPositive");

    MockConfigFile file = MockConfigFile.parse(json);
    assertThat(file.testCaseNames("LocalTesting")).containsExactly("RetryThenPositive");
    assertThat(file.mockedStates("LocalTesting", "RetryThenPositive")).containsKey("DetectSentiment");
    // [/mock-round-trip]
  }
}
