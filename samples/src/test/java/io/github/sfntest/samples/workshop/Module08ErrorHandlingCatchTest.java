package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_TIMED_OUT;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 8 (catch): a Lambda task with {@code TimeoutSeconds 5} and three
 * catchers, {@code CustomError}, {@code States.Timeout} and {@code States.ALL}, each to a Pass
 * whose {@code Result} is the output.
 */
@StateMachineTest(definition = "step-functions-workshop/module08-error-handling-catch.asl.json", name = "WorkshopCatch")
class Module08ErrorHandlingCatchTest {

  StateMachineUnderTest workflow;
  MockedResponses mocks;

  /** The workshop's Lambda throws CustomError: the first catcher. */
  @Test
  void customErrorIsCaughtByItsCatcher() {
    mocks.onLambda("FailureFunction").willThrow("CustomError", "This is a custom error!");

    ExecutionResult result = workflow.run("{}");

    assertThat(result).succeeded().hasPath("StartExecution", "CustomErrorFallback")
        .hasOutput("\"This is a fallback from a custom Lambda function exception\"");
    assertThat(result).state("StartExecution").failedWith("CustomError").wasCaughtBy("CustomErrorFallback");
  }

  /** The workshop's sleeping Lambda (10 s) outlasts TimeoutSeconds 5: States.Timeout at 5 s, the second catcher. */
  @Test
  void aSlowFunctionTimesOutAndIsCaught() {
    mocks.onLambda("FailureFunction").willReturn(Map.of("ok", true)).withLatency(Duration.ofSeconds(10));

    ExecutionResult result = workflow.run("{}");

    assertThat(result).succeeded().hasPath("StartExecution", "TimeoutFallback").took(Duration.ofSeconds(5))
        .hasOutput("\"This is a fallback from a timeout error\"");
    assertThat(result).events().ofType(LAMBDA_FUNCTION_TIMED_OUT).hasSize(1);
  }

  /** Never tested upstream: any other error goes to the States.ALL catcher. */
  @Test
  void anyOtherErrorFallsToTheCatchAll() {
    mocks.onLambda("FailureFunction").willThrow("Lambda.ServiceException", "Rate exceeded");

    ExecutionResult result = workflow.run("{}");

    assertThat(result).succeeded().endedIn("CatchAllFallback").hasOutput("\"This is a fallback from any error\"");
  }

  /** The function succeeds: no catcher, its result is the output. */
  @Test
  void successTakesNoCatcher() {
    mocks.onLambda("FailureFunction").willReturn(Map.of("ok", true));

    assertThat(workflow.run("{}")).succeeded().hasPath("StartExecution").hasOutput("{\"ok\": true}");
  }
}
