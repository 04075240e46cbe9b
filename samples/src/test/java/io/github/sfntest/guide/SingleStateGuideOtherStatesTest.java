package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.testing.SingleState;
import org.junit.jupiter.api.Test;

/** The other two states of the README's machine, each on its own: a test per state covers the machine. */
@StateMachineTest(definition = "guide/order.asl.json")
class SingleStateGuideOtherStatesTest {
  @Test
  @StateUnderTest("NotifyDeclined")
  void the_notification_ends_the_execution_with_the_caught_error_in_its_output(SingleState notify) {
    String declined = "{\"amount\": 42, \"error\": {\"Error\": \"Payment.Declined\", \"Cause\": \"card expired\"}}";
    assertThat(notify.test(state -> state.input(declined))).succeeded().ends().hasOutput(declined);
  }

  @Test
  @StateUnderTest("Done")
  void done_succeeds_with_its_input(SingleState done) {
    assertThat(done.test(state -> state.input("{\"amount\": 42}"))).succeeded().ends().hasOutput("{\"amount\": 42}");
  }
}
