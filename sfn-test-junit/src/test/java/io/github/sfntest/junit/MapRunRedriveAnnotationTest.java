package io.github.sfntest.junit;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/** A Distributed Map's Map Run redriven through the JUnit extension: the failed child is redriven, not replaced. */
@StateMachineTest(definition = "redrive/charge-each.asl.json", name = "ChargeEach")
class MapRunRedriveAnnotationTest {

  @Test
  void theFailedChildIsRedrivenUnderItsOwnArn(StateMachineUnderTest chargeEach, MockedResponses mocks) {
    mocks.onState("Charge").willReturn("{\"Payload\":\"ok-a\"}").thenThrow("Card.Declined", "later")
        .thenReturn("{\"Payload\":\"ok-b\"}");

    Execution execution = chargeEach.start("[\"a\",\"b\"]");
    MapRunResult failed = execution.awaitCompletion().mapRun("ChargeEach");
    org.assertj.core.api.Assertions.assertThat(failed.notRedrivableReason(failed.child(1))).isEmpty();

    MapRunResult redriven = execution.redrive().awaitCompletion().mapRun("ChargeEach");

    org.assertj.core.api.Assertions.assertThat(redriven.redriveCount()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(redriven.child(1).executionArn())
        .isEqualTo(failed.child(1).executionArn());
    assertThat(redriven.child(1)).succeeded().wasRedriven(1).hasOutput("\"ok-b\"");
    assertThat(redriven.child(0)).wasRedriven(0);
    mocks.verify("Charge").times(3);
  }
}
