package io.github.sfntest.junit;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/** Redrive through the JUnit extension: the mocks answer the rerun task with their next response. */
@StateMachineTest(definition = "redrive/order.asl.json", name = "Order")
class RedriveAnnotationTest {

  @Test
  void aDeclinedChargeSucceedsAfterTheRedrive(StateMachineUnderTest order, MockedResponses mocks) {
    mocks.onState("Charge").willThrow("Card.Declined", "insufficient funds").thenReturn("{\"charged\":true}");

    Execution execution = order.start("{}");
    assertThat(execution.awaitCompletion()).failedWith("Card.Declined").wasRedriven(0);

    assertThat(execution.redrive().awaitCompletion()).succeeded().wasRedriven(1)
        .hasOutput("{\"prep\":{\"prepared\":true},\"charge\":{\"charged\":true}}");
    mocks.verify("Charge").times(2);
    org.assertj.core.api.Assertions.assertThat(mocks.invocations("Charge").get(1).parameters().get("redrives").asInt())
        .isEqualTo(1);
  }
}
