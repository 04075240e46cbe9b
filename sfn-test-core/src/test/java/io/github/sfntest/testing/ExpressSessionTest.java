package io.github.sfntest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StateMachineType;
import org.junit.jupiter.api.Test;

/** EXPRESS declared by a test or read from a SAM/CloudFormation template. */
class ExpressSessionTest {

  private static final String TEMPLATE = "express/template.yaml";

  private static TestSession session(StateMachineSource source) {
    return TestSession.builder().machine(source).build();
  }

  private static StateMachineSource fromTemplate(String resource, StateMachineType type) {
    return StateMachineSource.builder().template(TEMPLATE, resource).type(type).build();
  }

  @Test
  void samTypeAndCloudFormationStateMachineTypeAreRead() {
    for (String resource : new String[] {"QuickSam", "QuickCfn"}) {
      try (TestSession session = session(fromTemplate(resource, null))) {
        StateMachineUnderTest machine = session.newRun().machine();
        assertThat(machine.type()).isEqualTo(StateMachineType.EXPRESS);
        ExecutionResult result = machine.run();
        assertThat(result.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:express:" + resource + ":");
        // run() waits for the result: started as StartSyncExecution, whose context has no RedriveCount
        assertThat(result.output().orElseThrow().get("execution").has("RedriveCount")).isFalse();
        // start() is StartExecution: the context has RedriveCount
        ExecutionResult async = machine.start().awaitCompletion();
        assertThat(async.executionArn()).contains(":express:");
        assertThat(async.output().orElseThrow().at("/execution/RedriveCount").asInt(-1)).isZero();
      }
    }
  }

  @Test
  void withoutATypeTheTemplatesMachineIsStandardAndTheTestsTypeWins() {
    try (TestSession session = session(fromTemplate("Untyped", null))) {
      assertThat(session.newRun().machine().type()).isEqualTo(StateMachineType.STANDARD);
      assertThat(session.newRun().machine().run().executionArn()).contains(":execution:Untyped:");
    }
    try (TestSession session = session(fromTemplate("Untyped", StateMachineType.EXPRESS))) {
      assertThat(session.newRun().machine().run().executionArn()).contains(":express:Untyped:");
    }
    try (TestSession session = session(fromTemplate("QuickSam", StateMachineType.STANDARD))) {
      assertThat(session.newRun().machine().run().executionArn()).contains(":execution:QuickSam:");
    }
  }

  @Test
  void anExpressMachineWithASyncIntegrationIsRefusedBeforeAnyTestRuns() {
    assertThatThrownBy(() -> session(fromTemplate("SyncChild", null)))
        .isInstanceOf(TestConfigurationException.class)
        .hasMessageContaining("declared EXPRESS")
        .hasMessageContaining("Express state machine does not support '.sync' service integration");
  }

  @Test
  void aTemplateTypeAwsDoesNotKnowIsAConfigurationError() {
    assertThatThrownBy(() -> session(fromTemplate("Odd", null)))
        .isInstanceOf(TestConfigurationException.class)
        .hasMessageContaining("StateMachineType: FAST").hasMessageContaining("STANDARD or EXPRESS");
  }

  @Test
  void annotationValuesMapToTheSource() {
    AnnotationConfig.Machine declared = new AnnotationConfig.Machine("", "", new String[0], new String[0], TEMPLATE,
        "Untyped", StateMachineType.EXPRESS);
    assertThat(AnnotationConfig.JAVA.source(declared, "here").type()).isEqualTo(StateMachineType.EXPRESS);
    AnnotationConfig.Machine byDefault = new AnnotationConfig.Machine("", "", new String[0], new String[0], TEMPLATE,
        "QuickCfn", StateMachineType.STANDARD);
    assertThat(AnnotationConfig.JAVA.source(byDefault, "here").type()).isEqualTo(StateMachineType.EXPRESS);
  }
}
