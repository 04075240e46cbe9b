package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "common-error-handling" (step-functions-workflows-collection): three Lambda functions in a row,
 * each with a catch-all into one shared error handler. The number function rejects non-numbers,
 * the odd function rejects even numbers and the even function odd ones, so every run ends in the
 * handler: the sample is about how the handler learns what failed.
 * <ul>
 *   <li>Option 1: each catcher has its own ResultPath ({@code $.oddLambdaFailure}...), so the handler's
 *       input names the failed step.
 *   <li>Option 2: catchers without ResultPath; the handler is sent the context object
 *       ({@code $$.Execution}, {@code $$.StateMachine}) and reads the history itself.
 * </ul>
 * The mocks implement the three functions' logic with {@code willAnswer}, so the input decides
 * where it fails, as with the real functions.
 */
@StateMachineTest(
    definition = "error-handling-retry-catch/common-error-handling-option1.asl.json", name = "CommonErrorOption1",
    substitutions = {"NumberFunctionArn=NumberFunction", "OddFunctionArn=OddFunction", "EvenFunctionArn=EvenFunction",
        "CommonErrorOption1FunctionArn=CommonErrorOption1Function"},
    machines = @StateMachine(value = "CommonErrorOption2",
        definition = "error-handling-retry-catch/common-error-handling-option2.asl.json",
        substitutions = {"NumberFunctionArn=NumberFunction", "OddFunctionArn=OddFunction", "EvenFunctionArn=EvenFunction",
            "CommonErrorOption2FunctionArn=CommonErrorOption2Function"}))
class CommonErrorHandlingTest {

  static final String ODD = "error-handling-retry-catch/inputs/common-error-odd-number.json";
  static final String EVEN = "error-handling-retry-catch/inputs/common-error-even-number.json";

  StateMachineUnderTest option1;
  @StateMachine("CommonErrorOption2") StateMachineUnderTest option2;
  MockedResponses mocks;

  static String pythonError(String type, String message) {
    return "{\"errorMessage\": \"" + message + "\", \"errorType\": \"" + type + "\", \"stackTrace\": []}";
  }

  @BeforeEach
  void theThreeFunctionsAndTheHandler() {
    mocks.onLambda("NumberFunction").willAnswer(call -> {
      JsonNode n = call.parameters().at("/Payload/Number");
      return n.isNumber() ? Map.of("number", n.asInt())
          : TaskOutcome.failure("ValueError", pythonError("ValueError", "not a number"));
    });
    // lenient: one background for every number; each run fails at one function and calls one handler
    List.of("OddFunction", "EvenFunction", "CommonErrorOption1Function", "CommonErrorOption2Function")
        .forEach(function -> mocks.onLambda(function).lenient());
    mocks.onLambda("OddFunction").willAnswer(call -> call.parameters().at("/Payload/Number").asInt() % 2 == 0
        ? TaskOutcome.failure("Exception", pythonError("Exception", "even number"))
        : Map.of("odd", true));
    mocks.onLambda("EvenFunction").willAnswer(call -> call.parameters().at("/Payload/Number").asInt() % 2 != 0
        ? TaskOutcome.failure("Exception", pythonError("Exception", "odd number"))
        : Map.of("even", true));
    mocks.onLambda("CommonErrorOption1Function").willReturn(Map.of("handled", true));
    mocks.onLambda("CommonErrorOption2Function").willReturn(Map.of("handled", true));
  }

  /** Scenario (option 1): an odd number passes the odd check and fails the even one; the handler sees evenLambdaFailure. */
  @Test
  void oddNumberFailsAtTheEvenFunctionAndTheHandlerSeesWhichStepFailed() {
    ExecutionResult result = option1.runWithInputFrom(ODD);

    assertThat(result).succeeded()
        .hasPath("Number Lambda", "Odd Lambda", "Even Lambda", "Common Error Handler");
    assertThat(result).state("Even Lambda").failedWith("Exception", pythonError("Exception", "odd number"))
        .wasCaughtBy("Common Error Handler");
    // the catcher's ResultPath kept the input and the earlier results, and added the failure
    assertThat(result).state("Common Error Handler").wasScheduledWithContaining("""
        {"FunctionName": "CommonErrorOption1Function",
         "Payload": {"Number": 3,
                     "numberLambda": {"Payload": {"number": 3}, "StatusCode": 200},
                     "oddLambda": {"Payload": {"odd": true}, "StatusCode": 200},
                     "evenLambdaFailure": {"Error": "Exception", "Cause": %s}}}""".formatted(
        quoted(pythonError("Exception", "odd number"))));
    assertThat(result).hasOutputAt("$.commonErrorLambda.Payload", "{\"handled\": true}");
    assertThat(result.output().orElseThrow().has("evenLambda")).isFalse();
  }

  /** Scenario (option 1): an even number fails at the odd function; the even one never runs. */
  @Test
  void evenNumberFailsAtTheOddFunction() {
    ExecutionResult result = option1.runWithInputFrom(EVEN);

    assertThat(result).succeeded().hasPath("Number Lambda", "Odd Lambda", "Common Error Handler");
    assertThat(result).state("Common Error Handler").hasInputContaining(
        "{\"Number\": 4, \"oddLambdaFailure\": {\"Error\": \"Exception\"}}");
    mocks.verify("Even Lambda").never();
  }

  /** Scenario (option 1): not a number at all; the first function rejects it with a ValueError. */
  @Test
  void nonNumberFailsAtTheNumberFunction() {
    ExecutionResult result = option1.run("{\"Number\": \"four\"}");

    assertThat(result).succeeded().hasPath("Number Lambda", "Common Error Handler");
    assertThat(result).state("Common Error Handler").hasInput("""
        {"Number": "four", "numberLambdaFailure": {"Error": "ValueError", "Cause": %s}}"""
        .formatted(quoted(pythonError("ValueError", "not a number"))));
  }

  /**
   * Scenario (option 2): the handler gets no error details, only the context object: the
   * execution's id, input and name, and the state machine's, enough to read the history.
   */
  @Test
  void optionTwoSendsTheHandlerTheContextObjectInsteadOfTheError() {
    ExecutionResult result = option2.runWithInputFrom(EVEN);

    assertThat(result).succeeded().hasPath("Number Lambda", "Odd Lambda", "Common Error Handler");
    JsonNode payload = mocks.invocations("Common Error Handler").get(0).parameters().get("Payload");
    assertThat(payload.at("/Execution/Id").asText()).isEqualTo(result.executionArn());
    assertThat(payload.at("/Execution/Input")).isEqualTo(result.input());
    assertThat(payload.at("/StateMachine/Name").asText()).isEqualTo("CommonErrorOption2");
    assertThat(payload.at("/StateMachine/Id").asText()).endsWith(":stateMachine:CommonErrorOption2");
    // without ResultPath the error object replaced the state input, and the handler's result is added to it
    assertThat(result).hasOutputContaining("{\"Error\": \"Exception\", \"commonErrorLambda\": {\"Payload\": {\"handled\": true}}}");
  }

  /** Scenario (option 2): an odd number gets past the odd function and fails at the even one; the same handler runs. */
  @Test
  void optionTwoCatchesTheEvenFunctionToo() {
    ExecutionResult result = option2.runWithInputFrom(ODD);

    assertThat(result).succeeded().hasPath("Number Lambda", "Odd Lambda", "Even Lambda", "Common Error Handler");
    assertThat(result).state("Even Lambda").failedWith("Exception").wasCaughtBy("Common Error Handler");
    assertThat(result).hasOutputContaining("{\"Error\": \"Exception\", \"commonErrorLambda\": {\"Payload\": {\"handled\": true}}}");
  }

  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
