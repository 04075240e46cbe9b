package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.mock.MockedResponses;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RedriveExecution in-process: from the unsuccessful state, AWS's refusals, the 14 days on the virtual clock. */
class RedriveTest {

  static final StateMachineDefinition ORDER = StateMachineDefinition.of("Order", """
      {"StartAt":"Prepare","States":{
        "Prepare":{"Type":"Pass","Result":{"prepared":true},"ResultPath":"$.prep","Assign":{"ticket":"T-1"},"Next":"Charge"},
        "Charge":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:charge",
          "Parameters":{"order.$":"$.order","ticket.$":"$ticket","redrives.$":"$$.Execution.RedriveCount"},
          "ResultPath":"$.charge","Next":"Done"},
        "Done":{"Type":"Pass","End":true}}}""");

  private static MockedResponses declinedThenCharged() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willThrow("Card.Declined", "insufficient funds").thenReturn("{\"charged\":true}");
    return mocks;
  }

  @Test
  void aFailedExecutionContinuesFromTheFailedStateWithItsInputAndVariables() {
    MockedResponses mocks = declinedThenCharged();
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(ORDER, "{\"order\":42}").withTaskHandler(mocks));
      ExecutionResult failed = execution.awaitCompletion();
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.redriveCount()).isZero();
      long lastEventBefore = failed.history().events().get(failed.history().events().size() - 1).id();

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.executionArn()).isEqualTo(failed.executionArn());
      assertThat(redriven.redriveCount()).isEqualTo(1);
      assertThat(redriven.output().orElseThrow().at("/charge/charged").asBoolean()).isTrue();
      assertThat(redriven.output().orElseThrow().at("/prep/prepared").asBoolean()).isTrue();
      // Prepare succeeded the first time and is not run again; Charge runs twice.
      assertThat(redriven.history().enteredStateNames()).containsExactly("Prepare", "Charge", "Charge", "Done");
      List<HistoryEvent> events = redriven.history().events();
      HistoryEvent redrive = redriven.history().ofType(HistoryEventType.EXECUTION_REDRIVEN).get(0);
      assertThat(redrive.id()).isEqualTo(lastEventBefore + 1);
      assertThat(redrive.details().orElseThrow().get("redriveCount").asInt()).isEqualTo(1);
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).id()).isEqualTo(i + 1); // ids go on
      }
      // The rerun task saw the same input and variable, and $$.Execution.RedriveCount 1.
      List<io.github.sfntest.mock.TaskInvocation> calls = mocks.invocations("Charge");
      assertThat(calls).hasSize(2);
      assertThat(calls.get(0).parameters().get("redrives").asInt()).isZero();
      assertThat(calls.get(1).parameters().get("redrives").asInt()).isEqualTo(1);
      assertThat(calls.get(1).parameters().get("ticket").asText()).isEqualTo("T-1");
      assertThat(calls.get(1).parameters().get("order").asInt()).isEqualTo(42);
    }
  }

  @Test
  void theEngineRedrivesByArnAndAnAbortedExecutionCanBeRedriven() {
    StateMachineDefinition waits = StateMachineDefinition.of("Waits",
        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(waits, "{}"));
      execution.stop("Stopped", "by the test");
      assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
      ExecutionResult redriven = engine.redrive(execution.executionArn()).awaitCompletion();
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.redriveCount()).isEqualTo(1);
      assertThatThrownBy(() -> engine.redrive("arn:aws:states:us-east-1:111111111111:execution:Waits:nope"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ran no execution");
    }
  }

  @Test
  void awsRefusesSucceededRunningExpressAndStaleExecutions() {
    try (Engine engine = Engine.inProcess()) {
      MockedResponses charged = MockedResponses.create();
      charged.onState("Charge").willReturn("{\"charged\":true}");
      Execution succeeded = engine.start(StartRequest.of(ORDER, "{\"order\":1}").withTaskHandler(charged));
      assertThat(succeeded.awaitCompletion().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThatThrownBy(succeeded::redrive).isInstanceOf(ExecutionNotRedrivableException.class)
          .extracting(e -> ((ExecutionNotRedrivableException) e).reason())
          .isEqualTo("Execution is SUCCEEDED and cannot be redriven.");

      StateMachineDefinition waits = StateMachineDefinition.of("Waits",
          "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}");
      Execution running = engine.start(StartRequest.of(waits, "{}"));
      assertThatThrownBy(running::redrive).isInstanceOf(ExecutionNotRedrivableException.class)
          .hasMessageContaining("Execution is RUNNING and cannot be redriven.");

      Execution express = engine.start(StartRequest.of(ORDER, "{\"order\":1}").withType(StateMachineType.EXPRESS)
          .withTaskHandler(declinedThenCharged()));
      assertThat(express.awaitCompletion().status()).isEqualTo(ExecutionStatus.FAILED);
      assertThatThrownBy(express::redrive).isInstanceOf(ExecutionNotRedrivableException.class)
          .hasMessageContaining("EXPRESS");

      Execution stale = engine.start(StartRequest.of(ORDER, "{\"order\":1}").withTaskHandler(declinedThenCharged()));
      assertThat(stale.awaitCompletion().status()).isEqualTo(ExecutionStatus.FAILED);
      stale.advanceTime(Duration.ofDays(14).plusSeconds(1));
      assertThatThrownBy(stale::redrive).isInstanceOf(ExecutionNotRedrivableException.class)
          .extracting(e -> ((ExecutionNotRedrivableException) e).reason())
          .isEqualTo("Execution redrivable period exceeded.");

      Execution recent = engine.start(StartRequest.of(ORDER, "{\"order\":1}").withTaskHandler(declinedThenCharged()));
      recent.awaitCompletion();
      recent.advanceTime(Duration.ofDays(14));
      assertThat(recent.redrive().awaitCompletion().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void anExecutionThatTimedOutAfterAYearIsNeverRedrivable() {
    StateMachineDefinition long_ = StateMachineDefinition.of("Long",
        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":40000000,\"End\":true}}}");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(long_, "{}"));
      assertThat(execution.awaitCompletion().status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      assertThatThrownBy(execution::redrive).isInstanceOf(ExecutionNotRedrivableException.class)
          .hasMessageContaining("Execution has exceeded the max execution time.");
    }
  }
}
