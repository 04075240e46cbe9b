package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.EXECUTION_STARTED;
import static io.github.sfntest.history.HistoryEventType.EXECUTION_SUCCEEDED;
import static io.github.sfntest.history.HistoryEventType.PASS_STATE_ENTERED;
import static io.github.sfntest.history.HistoryEventType.PASS_STATE_EXITED;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.testing.SingleState;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 11: the state machine a SAM template deploys behind API Gateway
 * ({@code StartSyncExecution}): one Pass whose {@code Result} answers whatever was sent. A single
 * Pass has no failure path of its own; the tests pin the whole history and the answer.
 */
@StateMachineTest(definition = "step-functions-workshop/module11-sam-hello-world-pass.asl.json", name = "WorkshopSamHello")
class Module11SamHelloWorldTest {

  StateMachineUnderTest workflow;

  /** Whatever the API sends, the answer is the Pass's Result; the history is four events. */
  @Test
  void answersHelloBack() {
    ExecutionResult result = workflow.run("{\"greeting\": \"Hello from API Gateway\"}");

    assertThat(result).succeeded().hasPath("Pass").hasOutput("{\"value\": \"Hello back to you!\"}");
    assertThat(result).state("Pass").hasInput("{\"greeting\": \"Hello from API Gateway\"}");
    assertThat(result).events()
        .containsExactly(EXECUTION_STARTED, PASS_STATE_ENTERED, PASS_STATE_EXITED, EXECUTION_SUCCEEDED);
  }

  /** The Pass alone (TestState): Result replaces the input, and the state ends the machine. */
  @Test
  @StateUnderTest("Pass")
  void thePassOnItsOwn(SingleState pass) {
    assertThat(pass.test("[1, 2, 3]")).succeeded().ends().hasOutput("{\"value\": \"Hello back to you!\"}");
  }
}
