package io.github.sfntest.assertions;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.*;

import io.github.sfntest.engine.ExecutionStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every assertion's passing case, on the same fixtures as {@link AssertFailureMessagesTest}. */
class AssertPassingCasesTest {

  @Test
  void status() {
    assertThat(Fixtures.parallel()).succeeded().hasStatus(ExecutionStatus.SUCCEEDED);
    assertThat(Fixtures.orderFlow()).failed().failedWith("States.TaskFailed").failedWith("States.TaskFailed", "Rate exceeded");
    assertThat(Fixtures.mapRetry()).failedWith("HandleItemFailError", "HandleItemFailCause");
  }

  @Test
  void output() {
    assertThat(Fixtures.map())
        .hasOutput("{\"arr\": [1, \"Hello\", {}, null, 3.30, 3, 4, 5]}")
        .hasOutputContaining("{\"arr\": [1, \"Hello\", {}, null, 3.3, 3, 4, 5]}")
        .hasOutputAt("$.arr[1]", "\"Hello\"")
        .hasOutputAt("$.arr.length()", "8")
        .hasOutputSatisfying(o -> org.assertj.core.api.Assertions.assertThat(o.get("arr").size()).isEqualTo(8));
    assertThat(Fixtures.mapCatch()).hasOutputContaining("{\"Error\": \"HandleItemFailError\"}");
  }

  @Test
  void path() {
    assertThat(Fixtures.orderFlow())
        .visited("HandleError", "Validate")
        .visitedInOrder("Validate", "HandleError")
        .hasPath("Validate", "ChargeCard", "HandleError")
        .didNotVisit("Ship", "Refund")
        .endedIn("HandleError");
    assertThat(Fixtures.map()).endedIn("Final").visitedInOrder("MapState", "HandleItem", "HandleItem", "Final");
  }

  @Test
  void elapsedVirtualTime() {
    assertThat(Fixtures.orderFlow()).tookAtLeast(Duration.ofSeconds(3)).tookAtMost(Duration.ofSeconds(4)).took(Duration.ofMillis(3330));
    assertThat(Fixtures.orderFlow()).state("ChargeCard").tookAtLeast(Duration.ofSeconds(3)).tookAtMost(Duration.ofSeconds(4));
  }

  @Test
  void perState() {
    assertThat(Fixtures.orderFlow()).state("ChargeCard")
        .wasEntered()
        .wasEnteredTimes(1)
        .hasInput("{\"orderId\": \"o-1\", \"amount\": 42}")
        .hasInputContaining("{\"amount\": 42}")
        .hasOutput("{\"Error\": \"States.TaskFailed\", \"Cause\": \"Rate exceeded\"}")
        .wasRetried(2)
        .failedWith("States.TaskFailed")
        .failedWith("States.TaskFailed", "Rate exceeded")
        .wasCaughtBy("HandleError")
        .wasScheduledWith("{\"FunctionName\": \"charge\", \"Payload\": {\"amount\": 42}}")
        .wasScheduledWithContaining("{\"Payload\": {\"amount\": 42}}");
    assertThat(Fixtures.orderFlow()).state("Validate").wasNotRetried().didNotFail().hasOutputContaining("{\"amount\": 42}");
    assertThat(Fixtures.retry()).state("InvokeLambdaWithRetry").wasRetried(3).failedWith("Exception").wasCaughtBy("HandleError");
    assertThat(Fixtures.map()).state("HandleItem").wasEnteredTimes(8).entry(2).hasOutput("\"Hello\"").hasInput("\"Hello\"");
    assertThat(Fixtures.map()).state("HandleItem").hasOutput("5");
    assertThat(Fixtures.mapCatch()).state("MapState").failedWith("HandleItemFailError", "HandleItemFailCause").wasCaughtBy("FinalCaught");
    assertThat(Fixtures.mapRetry()).state("MapState").wasRetried(3).failedWith("HandleItemFailError");
    assertThat(Fixtures.parallelRetry()).state("ParallelState").wasRetried(2).failedWith("FailureType");
    assertThat(Fixtures.callbackTimeout()).state("SendMessageWithWaitAndTimeout").failedWith("States.Timeout");
  }

  @Test
  void variables() {
    assertThat(Fixtures.assign()).state("Task").assigned("result",
        "{\"Error\": \"Exception\", \"Cause\": \"{\\\"errorMessage\\\":\\\"Some exception was raised.\\\",\\\"errorType\\\":\\\"Exception\\\",\\\"requestId\\\":\\\"<uuid:1>\\\",\\\"stackTrace\\\":[\\\"  File \\\\\\\"/var/task/handler.py\\\\\\\", line 2, in handler\\\\n    raise Exception(\\\\\\\"Some exception was raised.\\\\\\\")\\\\n\\\"]}\"}");
  }

  @Test
  void mapAndParallel() {
    assertThat(Fixtures.map()).state("MapState").hasIterations(8).allIterationsSucceeded()
        .hasIterationOutputs("1", "\"Hello\"", "{}", "null", "3.3", "3", "4", "5");
    assertThat(Fixtures.mapRetry()).state("MapState").hasIterations(1);
    assertThat(Fixtures.parallel()).state("FanOut").hasOutput("[{\"data\": 2}, \"ok\"]");
    assertThat(Fixtures.parallel()).state("Enrich").hasOutput("{\"data\": 2}");
  }

  @Test
  void callbacksAndChildExecutions() {
    assertThat(Fixtures.callback()).state("State1").waitedForCallback().receivedCallback("\"HelloWorld\"");
    assertThat(Fixtures.callbackTimeout()).state("SendMessageWithWaitAndTimeout").waitedForCallback();
    assertThat(Fixtures.child()).state("StartExecution").startedChildExecutions(1);
    assertThat(Fixtures.orderFlow()).state("ChargeCard").startedChildExecutions(0);
  }

  @Test
  void events() {
    assertThat(Fixtures.orderFlow()).events().hasSize(16).isNotEmpty();
    assertThat(Fixtures.orderFlow()).events().ofType(TASK_FAILED).hasSize(3)
        .satisfiesAll(e -> org.assertj.core.api.Assertions.assertThat(e.cause()).contains("Rate exceeded"));
    assertThat(Fixtures.orderFlow()).events().ofType(TASK_SUCCEEDED).isEmpty();
    assertThat(Fixtures.orderFlow()).events().forState("ChargeCard")
        .containsSubsequence(TASK_SCHEDULED, TASK_FAILED, TASK_SCHEDULED, TASK_FAILED, TASK_STATE_EXITED)
        .ofType(TASK_SCHEDULED).hasSize(3);
    assertThat(Fixtures.orderFlow()).events().forState("Validate").containsExactly(PASS_STATE_ENTERED, PASS_STATE_EXITED);
    assertThat(Fixtures.map()).events().inIteration("MapState", 2)
        .containsExactly(MAP_ITERATION_STARTED, PASS_STATE_ENTERED, PASS_STATE_EXITED, MAP_ITERATION_SUCCEEDED);
    assertThat(Fixtures.orderFlow()).events().matching(e -> e.error().isPresent(), "events with an error").hasSize(4);
  }
}
