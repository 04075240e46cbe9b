package io.github.sfntest.assertions;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.*;

import io.github.sfntest.engine.ExecutionResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScratchTest {
  static void p(Runnable r) {
    try { r.run(); System.out.println("PASSED (unexpected)"); } catch (AssertionError e) { System.out.println("-----\n" + e.getMessage()); }
  }
  @Test
  void print() {
    ExecutionResult retry = AwsHistories.load("scenarios.base_scenarios.lambda_service_invoke_with_retry_extended_input", "e1", "RetryFlow");
    ExecutionResult map = AwsHistories.load("scenarios.base_scenarios.map_state", "m1", "MapFlow");
    ExecutionResult mapCatch = AwsHistories.load("scenarios.base_scenarios.map_state_catch", "m2", "MapCatch");
    ExecutionResult mapRetry = AwsHistories.load("scenarios.base_scenarios.map_state_retry_multiple_retriers", "m3", "MapRetry");
    ExecutionResult assign = AwsHistories.load("assign.assign_reference_variables.assign_in_catch_state", "a1", "Assign");
    ExecutionResult cb = AwsHistories.load("callback.sqs_wait_for_task_token_call_chain", "c1", "Cb");
    ExecutionResult child = AwsHistories.load("callback.start_execution_sync_delegate_failure", "c2", "Child");
    ExecutionResult par = AwsHistories.load("scenarios.base_scenarios.parallel_state_retry", "p1", "Par");
    for (ExecutionResult r : new ExecutionResult[] {retry, map, mapCatch, mapRetry, assign, cb, child, par}) System.out.println("=====\n" + r.render());
    p(() -> assertThat(retry).failed());
    p(() -> assertThat(mapRetry).succeeded());
    p(() -> assertThat(mapRetry).failedWith("X", "Y"));
    p(() -> assertThat(map).hasOutput("{\"arr\": [1, \"Hello\", {}, null, 3.3, 3, 4]}"));
    p(() -> assertThat(map).hasOutputContaining("{\"arr\": [1, \"Hallo\", {}, null, 3.30, 3, 4, 5], \"x\": 1}"));
    p(() -> assertThat(map).hasOutputAt("$.arr[1]", "\"Hallo\""));
    p(() -> assertThat(map).hasOutputAt("$.foo", "1"));
    p(() -> assertThat(mapRetry).hasOutput("{}"));
    p(() -> assertThat(map).visited("StartState", "MapSate", "Nope"));
    p(() -> assertThat(map).visitedInOrder("StartState", "Final", "MapState"));
    p(() -> assertThat(map).hasPath("StartState", "MapState", "Final"));
    p(() -> assertThat(retry).didNotVisit("HandleError"));
    p(() -> assertThat(retry).endedIn("InvokeLambdaWithRetry"));
    p(() -> assertThat(retry).tookAtMost(Duration.ofSeconds(5)));
    p(() -> assertThat(retry).state("InvokeLambdaWithRety").wasRetried(3));
    p(() -> assertThat(retry).state("InvokeLambdaWithRetry").wasRetried(2));
    p(() -> assertThat(retry).state("InvokeLambdaWithRetry").failedWith("States.Timeout"));
    p(() -> assertThat(retry).state("InvokeLambdaWithRetry").wasCaughtBy("Other"));
    p(() -> assertThat(retry).state("HandleError").hasOutputContaining("{\"Error\": \"X\"}"));
    p(() -> assertThat(map).state("HandleItem").wasEnteredTimes(3));
    p(() -> assertThat(map).state("MapState").hasIterations(3));
    p(() -> assertThat(map).state("MapState").hasIterationOutputs("1", "2"));
    p(() -> assertThat(mapCatch).state("MapState").wasCaughtBy("X"));
    p(() -> assertThat(mapRetry).state("MapState").allIterationsSucceeded());
    p(() -> assertThat(assign).state("Task").assigned("reslt", "1"));
    p(() -> assertThat(assign).state("Task").wasScheduledWithContaining("{\"Payload\": {\"foo\": \"bar\"}}"));
    p(() -> assertThat(cb).state("State1").receivedCallback("\"Bye\""));
    p(() -> assertThat(child).state("StartExecution").startedChildExecutions(2));
    p(() -> assertThat(retry).events().ofType(TASK_FAILED).hasSize(3));
    p(() -> assertThat(retry).events().forState("InvokeLambdaWithRetry").containsSubsequence(TASK_FAILED, TASK_SUCCEEDED));
  }
}
