package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.testing.SingleState;
import io.github.sfntest.teststate.InspectionLevel;
import org.junit.jupiter.api.Test;

/** README, "Testing one state": the example, run as it is shown. */
// [single-state]
@StateMachineTest(definition = "guide/order.asl.json")
class SingleStateGuideTest {
  @Test
  @StateUnderTest("Charge")
  void a_declined_card_is_caught_once_its_retries_are_spent(SingleState charge) {
    assertThat(charge.test(state -> state
            .input("{\"amount\": 42}")
            .mockError("Payment.Declined", "card expired")
            .retrierRetryCount(3)                            // the three retries were made
            .inspectionLevel(InspectionLevel.DEBUG)))
        .caughtError().goesTo("NotifyDeclined")
        .inspection().caughtBy(0).hasAfterParameters("{\"FunctionName\": \"charge\", \"Payload\": {\"amount\": 42}}");
  }
}
// [/single-state]

