package io.github.sfntest.samples.jsonata;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "shared-fallback-state-jsonata" (step-functions-workflows-collection): three Lambda tasks written
 * in JSONata ({@code Arguments}, {@code Output}, {@code {% $states.input %}}), each retrying Lambda
 * service errors with full jitter and sending any other error to one shared fallback state. The
 * catchers' {@code Output} uses {@code $states.context.State.Name}, so the fallback learns which
 * task failed without one catcher per task.
 *
 * <p>The upstream file puts {@code "QueryLanguage": "JSONata"} inside {@code States}, which is not a
 * valid definition; the tests run the corrected copy (QueryLanguage at the top, nothing else
 * changed) and check that the file as found is rejected.
 */
@StateMachineTest(definition = "jsonata-shared-fallback/shared-fallback-jsonata.corrected.asl.json", name = "SharedFallback",
    substitutions = {"FirstLambdaArn=arn:aws:lambda:us-east-1:123456789012:function:First",
        "SecondLambdaArn=arn:aws:lambda:us-east-1:123456789012:function:Second",
        "ThirdLambdaArn=arn:aws:lambda:us-east-1:123456789012:function:Third"})
class SharedFallbackJsonataTest {

  StateMachineUnderTest sharedFallback;
  MockedResponses mocks;

  static Map<String, Object> ok(String which) {
    return Map.of("statusCode", 200, "body", which + " Lambda executed successfully");
  }

  static final String NAME_ERROR = "{\"errorMessage\": \"name 'undefined_variable' is not defined\", \"errorType\": \"NameError\","
      + " \"requestId\": \"r-3\", \"stackTrace\": []}";

  @BeforeEach
  void theFunctionsAsPublished() {
    mocks.onLambda("First").willReturn(ok("First"));
    mocks.onLambda("Second").willReturn(ok("Second"));
    // the third function references an undefined variable: Python raises NameError
    mocks.onLambda("Third").willThrow("NameError", NAME_ERROR);
  }

  /** Scenario (upstream README): the third function fails; the shared fallback receives its state name. */
  @Test
  void failingThirdFunctionEndsInTheSharedFallbackNamingIt() {
    ExecutionResult result = sharedFallback.run();

    assertThat(result).succeeded()
        .hasPath("FirstLambdaState", "SecondLambdaState", "ThirdLambdaState", "FallbackState")
        .hasOutput("{\"FailedStateName\": \"ThirdLambdaState\"}")
        .took(Duration.ZERO);
    assertThat(result).state("ThirdLambdaState").wasNotRetried().failedWith("NameError", NAME_ERROR)
        .wasCaughtBy("FallbackState");
    assertThat(result).state("FallbackState").hasInput("{\"FailedStateName\": \"ThirdLambdaState\"}");
    // Output "{% $states.result.Payload %}" hands each function's payload to the next as its input
    assertThat(result).state("SecondLambdaState").wasScheduledWith(
        "{\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:function:Second\","
            + " \"Payload\": {\"statusCode\": 200, \"body\": \"First Lambda executed successfully\"}}");
    assertThat(result).state("ThirdLambdaState").wasScheduledWithContaining(
        "{\"Payload\": {\"statusCode\": 200, \"body\": \"Second Lambda executed successfully\"}}");
  }

  /** Scenario: the first function fails; the same fallback names the first state, the others never run. */
  @Test
  void failingFirstFunctionIsNamedByTheSameFallback() {
    mocks.onLambda("First").willThrow("ValueError", "{\"errorMessage\": \"bad input\", \"errorType\": \"ValueError\"}");

    ExecutionResult result = sharedFallback.run("{\"orderId\": 7}");

    assertThat(result).succeeded().hasPath("FirstLambdaState", "FallbackState")
        .hasOutput("{\"FailedStateName\": \"FirstLambdaState\"}");
    assertThat(result).state("FirstLambdaState").wasScheduledWithContaining("{\"Payload\": {\"orderId\": 7}}");
    mocks.verify("SecondLambdaState").never();
    mocks.verify("ThirdLambdaState").never();
  }

  /** Scenario: the third function fixed; the output is its payload, no fallback. */
  @Test
  void allFunctionsSucceedAndTheLastPayloadIsTheOutput() {
    mocks.onLambda("Third").willReturn(ok("Third"));

    ExecutionResult result = sharedFallback.run();

    assertThat(result).succeeded().didNotVisit("FallbackState")
        .hasOutput("{\"statusCode\": 200, \"body\": \"Third Lambda executed successfully\"}");
  }

  /**
   * Scenario: Lambda throttles the second call twice. It is retried (Lambda.TooManyRequestsException
   * is in the retrier) with FULL jitter: each wait is random, at most 1 s and 2 s.
   */
  @Test
  void throttledCallIsRetriedWithJitteredBackoff() {
    mocks.onLambda("Second").willThrow("Lambda.TooManyRequestsException", "Rate exceeded").times(2).thenReturn(ok("Second"));
    mocks.onLambda("Third").willReturn(ok("Third"));

    ExecutionResult result = sharedFallback.run();

    assertThat(result).succeeded().didNotVisit("FallbackState");
    assertThat(result).state("SecondLambdaState").wasRetried(2).didNotFail();
    var gaps = Timeline.gaps(result, "SecondLambdaState", TASK_SCHEDULED);
    assertThat(gaps).hasSize(2);
    assertThat(gaps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(gaps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
  }

  /** The file as published: QueryLanguage inside States is not a state, so the definition is rejected. */
  @Test
  void definitionAsFoundUpstreamIsRejected() {
    InvalidDefinitionException invalid = catchThrowableOfType(InvalidDefinitionException.class,
        () -> StateMachineDefinition.fromClasspath("jsonata-shared-fallback/shared-fallback-jsonata.as-found.asl.json"));

    assertThat(invalid).as("the as-found definition must be rejected").isNotNull();
    assertThat(invalid.diagnostics()).filteredOn(Diagnostic::isError)
        .anySatisfy(d -> assertThat(d.pointer()).startsWith("/States/QueryLanguage"));
  }
}
