package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_TIMED_OUT;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Step Functions workshop, module 8 "Catch": catchers are tried in order, CustomError first,
 * then States.Timeout (TimeoutSeconds 5), then States.ALL. Each fallback is a Pass state whose
 * Result string becomes the execution's output.
 */
@StateMachineTest(definition = "error-handling-retry-catch/workshop-module08-catch.asl.json")
class WorkshopCatchTest {

  StateMachineUnderTest catchMachine;
  MockedResponses mocks;

  /** Scenario (the lab): the function throws CustomError; the first catcher answers. */
  @Test
  void customErrorFallsBackToTheCustomErrorFallback() {
    mocks.onLambda("FailureFunction").willThrow("CustomError", "This is a custom error!");

    ExecutionResult result = catchMachine.run();

    assertThat(result).succeeded()
        .hasPath("StartExecution", "CustomErrorFallback")
        .hasOutput("\"This is a fallback from a custom Lambda function exception\"");
    assertThat(result).state("StartExecution").failedWith("CustomError", "This is a custom error!")
        .wasCaughtBy("CustomErrorFallback");
    // no ResultPath on the catcher: the error object is the fallback's input
    assertThat(result).state("CustomErrorFallback")
        .hasInput("{\"Error\": \"CustomError\", \"Cause\": \"This is a custom error!\"}");
  }

  /** Scenario (the lab): the function sleeps 10 s; after 5 s of virtual time States.Timeout is caught. */
  @Test
  void slowFunctionTimesOutAfterFiveSecondsAndFallsBackToTheTimeoutFallback() {
    mocks.onLambda("FailureFunction").willReturn("\"finally\"").withLatency(Duration.ofSeconds(10));

    ExecutionResult result = catchMachine.run();

    assertThat(result).succeeded()
        .hasPath("StartExecution", "TimeoutFallback")
        .hasOutput("\"This is a fallback from a timeout error\"")
        .took(Duration.ofSeconds(5));
    assertThat(result).state("StartExecution").failedWith("States.Timeout").wasCaughtBy("TimeoutFallback");
    assertThat(result).events().ofType(LAMBDA_FUNCTION_TIMED_OUT).hasSize(1);
    assertThat(result).state("TimeoutFallback").hasInputContaining("{\"Error\": \"States.Timeout\"}");
  }

  /** Scenario: any other error reaches the catch-all fallback. */
  @Test
  void anyOtherErrorFallsBackToTheCatchAllFallback() {
    mocks.onLambda("FailureFunction").willThrow("Lambda.ServiceException", "Service unavailable");

    ExecutionResult result = catchMachine.run();

    assertThat(result).succeeded().hasPath("StartExecution", "CatchAllFallback")
        .hasOutput("\"This is a fallback from any error\"");
    assertThat(result).state("CatchAllFallback")
        .hasInput("{\"Error\": \"Lambda.ServiceException\", \"Cause\": \"Service unavailable\"}");
  }

  /** Scenario: a function that answers within 5 s needs no fallback; its result is the output. */
  @Test
  void fastFunctionNeedsNoFallback() {
    mocks.onLambda("FailureFunction").willReturn("{\"ok\": true}").withLatency(Duration.ofSeconds(4));

    ExecutionResult result = catchMachine.run();

    assertThat(result).succeeded().hasPath("StartExecution").hasOutput("{\"ok\": true}").took(Duration.ofSeconds(4));
  }
}
