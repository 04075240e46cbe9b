package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_FAILED;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 8 (retry): the module starts from a bare Lambda task with no
 * Retry (the {@code initial} file) and has the learner add one for {@code CustomError} (1 s, 2
 * attempts, x2: the {@code solution} file). The function always throws {@code CustomError}.
 */
@StateMachineTest(definition = "step-functions-workshop/module08-error-handling-retry.solution.asl.json",
    name = "WorkshopRetry",
    machines = @StateMachine(value = "WorkshopRetryInitial",
        definition = "step-functions-workshop/module08-error-handling-retry.initial.asl.json"))
class Module08ErrorHandlingRetryTest {

  static final String TASK = "StartExecution";

  StateMachineUnderTest workflow;
  @StateMachine("WorkshopRetryInitial")
  StateMachineUnderTest initial;
  MockedResponses mocks;

  /** Before the module: no Retry, the first CustomError fails the run at once. */
  @Test
  void withoutRetryTheFirstErrorFailsTheRun() {
    mocks.onLambda("FailFunction").willThrow("CustomError", "This is a custom error!");

    ExecutionResult result = initial.run("{}");

    assertThat(result).failedWith("CustomError", "This is a custom error!").took(Duration.ZERO);
    assertThat(result).state(TASK).wasNotRetried();
  }

  /**
   * The module's point: the history shows the first attempt and two retries (1 s, then 2 s later),
   * then the run fails with CustomError: retries exhausted, and no Catch.
   */
  @Test
  void customErrorIsRetriedTwiceThenFails() {
    mocks.onLambda("FailFunction").willThrow("CustomError", "This is a custom error!");

    ExecutionResult result = workflow.run("{}");

    assertThat(result).failedWith("CustomError", "This is a custom error!").took(Duration.ofSeconds(3));
    assertThat(result).state(TASK).wasRetried(2);
    assertThat(result).events().ofType(LAMBDA_FUNCTION_FAILED).hasSize(3);
    assertThat(Timeline.gaps(result, TASK, LAMBDA_FUNCTION_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    mocks.verify(TASK).times(3);
  }

  /** A transient CustomError: the first retry succeeds and its result is the output. */
  @Test
  void aRetryThatSucceedsCompletesTheRun() {
    mocks.onLambda("FailFunction").willThrow("CustomError", "once").thenReturn(Map.of("ok", true));

    ExecutionResult result = workflow.run("{}");

    assertThat(result).succeeded().hasOutput("{\"ok\": true}").took(Duration.ofSeconds(1));
    assertThat(result).state(TASK).wasRetried(1);
  }

  /** Never tested upstream: the Retry names CustomError only; any other error is not retried. */
  @Test
  void otherErrorsAreNotRetried() {
    mocks.onLambda("FailFunction").willThrow("Lambda.Unknown", "out of memory");

    ExecutionResult result = workflow.run("{}");

    assertThat(result).failedWith("Lambda.Unknown").took(Duration.ZERO);
    assertThat(result).state(TASK).wasNotRetried();
    assertThat(mocks.invocations(TASK)).hasSize(1);
  }
}
