package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/definitions.md: definitions from YAML, a SAM template and a CDK-synthesized template. */
// [definitions]
@StateMachineTest(template = "guide/template.yaml", templateResource = "OrderStateMachine", name = "Order",
    machines = @StateMachine(value = "CdkOrder",
        template = "guide/cdk.template.json", templateResource = "OrderFlow5E6F7A8B"))
class DefinitionsGuideTest {

  @Test
  void the_sam_template_gives_the_definition_and_its_substitutions(StateMachineUnderTest order, MockedResponses mocks) {
    mocks.onLambda("ChargeFunction").willReturn(Map.of("charged", true));   // !GetAtt ChargeFunction.Arn

    ExecutionResult result = order.run("{\"orderId\": \"42\"}");

    assertThat(result).succeeded().hasOutput("{\"charged\": true}");
  }

  @Test
  void a_cdk_template_holds_the_definition_inline(@StateMachine("CdkOrder") StateMachineUnderTest order,
      MockedResponses mocks) {
    mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));

    assertThat(order.run("{}")).succeeded().hasOutput("{\"charged\": true}");
  }
}
// [/definitions]
