package io.github.sfntest.assertions;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Every failure is an AssertionFailedError; navigation back to the execution; AWS resource notation. */
class OneAssertionStyleTest {

  @Test
  void visitedVisitedInOrderAndMapRunFailWithAssertionFailedError() {
    ExecutionResult map = Fixtures.map();
    assertThatThrownBy(() -> assertThat(map).visited("MapSate")).isInstanceOf(AssertionFailedError.class);
    assertThatThrownBy(() -> assertThat(map).visitedInOrder("Final", "StartState"))
        .isInstanceOf(AssertionFailedError.class);
    assertThatThrownBy(() -> assertThat(map).mapRun("MapState")).isInstanceOf(AssertionFailedError.class)
        .hasMessage("Expected a Map Run of Distributed Map state \"MapState\" but the execution's Map Runs are []");
    assertThatThrownBy(() -> assertThat(map).as("my map").visited("Nope")).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("[my map] ");
  }

  @Test
  void andGoesBackFromAStateOrTheEventsToTheExecution() {
    ExecutionResult order = Fixtures.orderFlow();
    assertThat(order).state("ChargeCard").wasRetried(2).and().state("Validate").didNotFail().and()
        .endedIn("HandleError");
    assertThat(order).events().ofType(TASK_SCHEDULED).hasSize(3).and().failedWith("States.TaskFailed");
    assertThatThrownBy(() -> assertThat(order).state("ChargeCard").wasRetried(2).and().endedIn("Validate"))
        .isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void historyFiltersAcceptTheAwsNotationsOfAResource() {
    ExecutionResult order = Fixtures.orderFlow();
    List<HistoryEvent> failures = order.history().forState("ChargeCard").ofType(TASK_FAILED);
    for (String notation : List.of("lambda:invoke", "arn:aws:states:::lambda:invoke", " lambda:invoke ")) {
      assertThat(order.history().forResource(notation).ofType(TASK_FAILED)).as(notation).isEqualTo(failures);
    }
    assertThat(order.history().forResource("comprehend:detectSentiment").events()).isEmpty();
    assertThat(order).events().forResource("lambda:invoke").ofType(TASK_FAILED).hasSize(3);
    assertThatThrownBy(() -> assertThat(order).events().forResource("sqs:sendMessage").isNotEmpty())
        .isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void aResourceWithoutItsSyncSuffixMatchesTheSyncIntegration() {
    ExecutionResult parent = AwsHistories.load("callback.start_execution_sync_delegate_failure", "c1", "Parent");
    List<HistoryEvent> sync = parent.history().forResource("arn:aws:states:::states:startExecution.sync").events();
    assertThat(sync).isNotEmpty().allSatisfy(e -> assertThat(e.detail("resource")).contains("startExecution.sync"));
    assertThat(parent.history().forResource("states:startExecution").events()).isEqualTo(sync);
    assertThat(parent.history().forResource("states:startExecution.sync:2").events()).isEmpty();
  }
}
