package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** EXPRESS executions in-process: ARNs, context object, the 5-minute limit, refused integrations. */
class ExpressExecutionsTest {

  static final StateMachineDefinition CONTEXT = StateMachineDefinition.of("Quick",
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"execution.$\":\"$$.Execution\"},"
          + "\"End\":true}}}");

  @Test
  void anExpressExecutionHasAnExpressArnAndItsContextObject() {
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(CONTEXT, "{}").withType(StateMachineType.EXPRESS)
          .withExecutionName("run1"));
      assertThat(result.executionArn()).matches("arn:aws:states:us-east-1:111111111111:express:Quick:run1:[0-9a-f-]{36}");
      assertThat(result.output().orElseThrow().at("/execution/Id").asText()).isEqualTo(result.executionArn());
      assertThat(result.output().orElseThrow().at("/execution/Name").asText()).isEqualTo("run1");
      // started asynchronously (StartExecution), AWS's context has RedriveCount; through StartSyncExecution not
      assertThat(result.output().orElseThrow().get("execution").has("RedriveCount")).isTrue();
      ExecutionResult sync = engine.run(StartRequest.of(CONTEXT, "{}").withType(StateMachineType.EXPRESS).withSyncStart());
      assertThat(sync.output().orElseThrow().get("execution").has("RedriveCount")).isFalse();
      // STANDARD is unchanged
      ExecutionResult standard = engine.run(StartRequest.of(CONTEXT, "{}").withExecutionName("s"));
      assertThat(standard.executionArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Quick:s");
    }
  }

  @Test
  void anExpressExecutionEndsAfterFiveMinutes() {
    StateMachineDefinition slow = StateMachineDefinition.of("Slow",
        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}");
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult express = engine.run(StartRequest.of(slow, "{}").withType(StateMachineType.EXPRESS));
      assertThat(express.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      assertThat(express.elapsed()).isEqualTo(Duration.ofMinutes(5));
      assertThat(engine.run(StartRequest.of(slow, "{}")).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void syncCallbacksAndActivitiesAreRefusedAsAwsRefusesThem() {
    StateMachineDefinition sync = StateMachineDefinition.of("Parent", "{\"StartAt\":\"StartExecution\",\"States\":{"
        + "\"StartExecution\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync:2\","
        + "\"Parameters\":{\"StateMachineArn\":\"arn:aws:states:us-east-1:111111111111:stateMachine:C\"},\"End\":true}}}");
    try (Engine engine = Engine.inProcess()) {
      assertThatThrownBy(() -> engine.run(StartRequest.of(sync, "{}").withType(StateMachineType.EXPRESS)))
          .isInstanceOf(InvalidDefinitionException.class)
          .hasMessageContaining("Express state machine does not support '.sync' service integration")
          .satisfies(e -> assertThat(((InvalidDefinitionException) e).diagnostics().get(0).pointer())
              .isEqualTo("/States/StartExecution/Resource"));
      StateMachineDefinition activity = StateMachineDefinition.of("Worker", "{\"StartAt\":\"A\",\"States\":{\"A\":{"
          + "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:us-east-1:111111111111:activity:work\",\"End\":true}}}");
      assertThatThrownBy(() -> engine.run(StartRequest.of(activity, "{}").withType(StateMachineType.EXPRESS)))
          .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("does not support Activity");
      assertThatThrownBy(() -> StartRequest.of(CONTEXT, "{}").withSyncStart()).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anExpressMachinesOwnShorterTimeoutStillApplies() {
    StateMachineDefinition slow = StateMachineDefinition.of("Slow", "{\"TimeoutSeconds\":60,\"StartAt\":\"W\","
        + "\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":200,\"End\":true}}}");
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult express = engine.run(StartRequest.of(slow, "{}").withType(StateMachineType.EXPRESS));
      assertThat(express.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      assertThat(express.elapsed()).isEqualTo(Duration.ofSeconds(60));
    }
  }
}
