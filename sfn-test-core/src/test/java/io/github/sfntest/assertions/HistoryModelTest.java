package io.github.sfntest.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.history.MapIteration;
import io.github.sfntest.history.StateVisit;
import org.junit.jupiter.api.Test;

/** The derived history model (visits, owners, iterations, branches) on AWS-recorded histories. */
class HistoryModelTest {

  @Test
  void retriesAndCatchOfATask() {
    ExecutionHistory history = Fixtures.retry().history();
    StateVisit task = history.visitsOf("InvokeLambdaWithRetry").get(0);
    assertThat(task.attempts()).isEqualTo(4);
    assertThat(task.attemptErrors()).containsOnly("Exception").hasSize(4);
    assertThat(task.failed()).isTrue();
    assertThat(task.caughtBy()).contains("HandleError");
    assertThat(task.scheduledParameters()).hasSize(4);
    assertThat(task.resource()).contains("lambda:invoke");
    assertThat(history.enteredStateNames()).containsExactly("InvokeLambdaWithRetry", "HandleError");
    assertThat(history.forState("InvokeLambdaWithRetry").types()).hasSize(14);
  }

  @Test
  void mapIterationsAndNesting() {
    ExecutionHistory history = Fixtures.map().history();
    StateVisit map = history.visitsOf("MapState").get(0);
    assertThat(map.mapIterations()).extracting(MapIteration::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(map.mapIterations()).extracting(MapIteration::status).containsOnly(MapIteration.Status.SUCCEEDED);
    assertThat(map.children()).hasSize(8).allMatch(v -> v.parent().orElseThrow() == map);
    assertThat(history.visitsOf("HandleItem").get(3).mapIterationIndex()).hasValue(3);
    assertThat(history.topLevelVisits()).extracting(StateVisit::name).containsExactly("StartState", "MapState", "Final");
    assertThat(history.ownerOf(history.ofType(HistoryEventType.MAP_STATE_SUCCEEDED).get(0))).contains(map);
    assertThat(history.mapIterations("MapState").get(1).output().orElse(null).asText()).isEqualTo("Hello");
  }

  @Test
  void retriedMapAndParallelAttempts() {
    StateVisit map = Fixtures.mapRetry().history().visitsOf("MapState").get(0);
    assertThat(map.attempts()).isEqualTo(4);
    assertThat(map.mapIterations()).extracting(MapIteration::attempt).containsExactly(1, 2, 3, 4);
    assertThat(map.lastAttemptIterations()).hasSize(1);
    StateVisit parallel = Fixtures.parallelRetry().history().visitsOf("ParallelState").get(0);
    assertThat(parallel.attempts()).isEqualTo(3);
    assertThat(parallel.children()).extracting(v -> v.parallelBranch().getAsInt()).containsExactly(0, 0, 0);
  }

  @Test
  void parallelBranchesFollowPreviousEventIds() {
    ExecutionHistory history = Fixtures.parallel().history();
    assertThat(history.visitsOf("Enrich").get(0).parallelBranch()).hasValue(0);
    assertThat(history.visitsOf("Audit").get(0).parallelBranch()).hasValue(1);
    assertThat(history.visitsOf("Enrich").get(0).parent().orElseThrow().name()).isEqualTo("FanOut");
  }

  @Test
  void assignedVariablesCallbacksAndChildren() {
    assertThat(Fixtures.assign().history().visitsOf("Task").get(0).assignedVariables()).containsOnlyKeys("result");
    assertThat(Fixtures.callback().history().visitsOf("State2").get(0).callbackResult().orElseThrow().asText())
        .isEqualTo("HelloWorld");
    assertThat(Fixtures.child().history().visitsOf("StartExecution").get(0).childExecutionArns()).hasSize(1);
  }
}
