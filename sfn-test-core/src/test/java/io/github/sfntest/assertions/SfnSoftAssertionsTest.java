package io.github.sfntest.assertions;

import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SfnSoftAssertionsTest {

  @Test
  void passingSoftAssertionsReportNothing() {
    SfnSoftAssertions softly = new SfnSoftAssertions();
    softly.assertThat(Fixtures.orderFlow()).failedWith("States.TaskFailed").visited("ChargeCard");
    softly.assertThat(Fixtures.orderFlow()).state("ChargeCard").wasRetried(2).wasCaughtBy("HandleError");
    softly.assertThat(Fixtures.orderFlow()).events().ofType(TASK_FAILED).hasSize(3);
    softly.assertAll();
    assertThat(softly.errorsCollected()).isEmpty();
  }

  @Test
  void collectsFailuresOfTopLevelAndNestedAssertions() {
    SfnSoftAssertions softly = new SfnSoftAssertions();
    softly.assertThat(Fixtures.orderFlow()).succeeded().endedIn("HandleError");
    softly.assertThat(Fixtures.orderFlow()).state("ChargeCard").wasRetried(5).wasCaughtBy("HandleError").failedWith("X");
    softly.assertThat(Fixtures.orderFlow()).state("Chrage").wasEntered();
    softly.assertThat(Fixtures.orderFlow()).events().ofType(TASK_FAILED).hasSize(1);

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .map(m -> m.lines().skip(1).findFirst().orElse(""))
        .containsExactly(
            "Expecting execution \"exec-7f3a\" of state machine \"OrderFlow\" to have succeeded,",
            "Expecting state \"ChargeCard\" of execution \"exec-7f3a\" of state machine \"OrderFlow\" to have been retried 5 times,",
            "Expecting state \"ChargeCard\" of execution \"exec-7f3a\" of state machine \"OrderFlow\" to have failed with error \"X\",",
            "Expecting state \"Chrage\" to have been entered in execution \"exec-7f3a\" of state machine \"OrderFlow\",",
            "Expecting 1 TaskFailed events in execution \"exec-7f3a\" of state machine \"OrderFlow\",");
    assertThatThrownBy(softly::assertAll)
        .hasMessageStartingWith("\nMultiple Failures (5 failures)");
  }
}
