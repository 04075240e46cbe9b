package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.BillingDetails;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/** {@code type = EXPRESS} on the annotations, and a SAM template's {@code Type: EXPRESS}. */
@StateMachineTest(definition = "express/context.asl.json", name = "Quick", type = StateMachineType.EXPRESS,
    machines = {
        @StateMachine(value = "QuickSam", template = "express/template.yaml", templateResource = "QuickSam"),
        @StateMachine(value = "Untyped", template = "express/template.yaml", templateResource = "Untyped")})
class ExpressAnnotationTest {

  @Test
  void theAnnotationsTypeMakesTheMachineExpress(StateMachineUnderTest quick) {
    ExecutionResult result = quick.run();
    assertThat(quick.type()).isEqualTo(StateMachineType.EXPRESS);
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:express:Quick:");
    assertThat(result.output().orElseThrow().at("/execution/Id").asText()).isEqualTo(result.executionArn());
    // run(...) is StartSyncExecution: no RedriveCount in the context object
    assertThat(result.output().orElseThrow().get("execution").has("RedriveCount")).isFalse();
  }

  @Test
  void runIsBilledAsStartSyncExecutionAndStartIsNot(StateMachineUnderTest quick) {
    // a Pass takes no virtual time: one 100 ms step, in the first 64 MB chunk (AWS's pricing rules)
    assertThat(quick.run().billingDetails()).contains(new BillingDetails(64, 100));
    assertThat(quick.start().awaitCompletion().billingDetails()).isEmpty();
  }

  @Test
  void theTemplatesTypeIsReadWhenTheAnnotationGivesNone(@StateMachine("QuickSam") StateMachineUnderTest sam,
      @StateMachine("Untyped") StateMachineUnderTest untyped) {
    assertThat(sam.type()).isEqualTo(StateMachineType.EXPRESS);
    assertThat(sam.run().executionArn()).contains(":express:QuickSam:");
    assertThat(untyped.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(untyped.run().executionArn()).contains(":execution:Untyped:");
  }
}
