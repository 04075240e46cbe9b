package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.mock.MockedResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redrive of Parallel and inline Map states: AWS "reschedules and redrives only the iterations and
 * branches that failed or aborted"; the ones that succeeded keep their outputs and do not run again.
 */
class RedrivePartialTest {

  private static final String LAMBDA = "arn:aws:lambda:us-east-1:111111111111:function:";

  /** The events recorded after the (last) ExecutionRedriven event. */
  private static List<HistoryEvent> afterRedrive(ExecutionResult result) {
    List<HistoryEvent> events = result.history().events();
    long redriven = result.history().ofType(HistoryEventType.EXECUTION_REDRIVEN).get(0).id();
    return events.stream().filter(e -> e.id() > redriven).toList();
  }

  private static List<HistoryEventType> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::type).toList();
  }

  @Test
  void aParallelStateRerunsOnlyItsFailedBranchFromTheStateThatFailed() {
    StateMachineDefinition fanOut = StateMachineDefinition.of("FanOut", """
        {"StartAt":"Both","States":{
          "Both":{"Type":"Parallel","Next":"Done","Branches":[
            {"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"%1$sship","End":true}}},
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Assign":{"ticket":"T-7"},"Next":"Charge"},
              "Charge":{"Type":"Task","Resource":"%1$scharge","Parameters":{"ticket.$":"$ticket"},"End":true}}}]},
          "Done":{"Type":"Pass","End":true}}}""".formatted(LAMBDA));
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Ship").willReturn("{\"shipped\":true}").thenThrow("Ship.Twice", "Ship ran again");
    mocks.onState("Charge").willThrow("Card.Declined", "insufficient funds").thenReturn("{\"charged\":true}");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(fanOut, "{}").withTaskHandler(mocks));
      ExecutionResult failed = execution.awaitCompletion();
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      // The Ship branch kept its output; the Charge branch went on from Charge with its variable.
      assertThat(redriven.output().orElseThrow().toString()).isEqualTo("[{\"shipped\":true},{\"charged\":true}]");
      assertThat(mocks.invocations("Ship")).hasSize(1);
      assertThat(mocks.invocations("Charge")).hasSize(2);
      assertThat(mocks.invocations("Charge").get(1).parameters().get("ticket").asText()).isEqualTo("T-7");
      List<HistoryEvent> after = afterRedrive(redriven);
      assertThat(after.stream().map(e -> e.stateName().orElse(null)).filter(n -> n != null).toList())
          .containsExactly("Both", "Charge", "Charge", "Both", "Done", "Done");
      assertThat(types(after)).startsWith(HistoryEventType.PARALLEL_STATE_ENTERED,
          HistoryEventType.PARALLEL_STATE_STARTED, HistoryEventType.TASK_STATE_ENTERED);
      assertThat(types(after)).contains(HistoryEventType.PARALLEL_STATE_SUCCEEDED);
      // Only Charge reran inside the Parallel: neither Ship nor Prepare was entered again.
    }
  }

  @Test
  void anInlineMapRerunsTheFailedAndTheNeverStartedIterationsOnly() {
    StateMachineDefinition perItem = StateMachineDefinition.of("PerItem", """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","MaxConcurrency":1,"End":true,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"%swork","End":true}}}}}}""".formatted(LAMBDA));
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Work").willReturn("\"r0\"").thenThrow("Work.Failed", "item 1").thenReturn("\"r1\"")
        .thenReturn("\"r2\"");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(perItem, "[\"a\",\"b\",\"c\"]").withTaskHandler(mocks));
      ExecutionResult failed = execution.awaitCompletion();
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.history().ofType(HistoryEventType.MAP_ITERATION_STARTED)).hasSize(2);

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.output().orElseThrow().toString()).isEqualTo("[\"r0\",\"r1\",\"r2\"]");
      assertThat(mocks.invocations("Work")).hasSize(4);
      assertThat(mocks.invocations("Work").get(2).parameters().asText()).isEqualTo("b");
      List<HistoryEvent> after = afterRedrive(redriven);
      assertThat(types(after)).startsWith(HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_STARTED,
          HistoryEventType.MAP_ITERATION_STARTED);
      assertThat(after.stream().filter(e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED)
          .map(e -> e.details().orElseThrow().get("index").asInt()).toList()).containsExactly(1, 2);
      assertThat(after.stream().filter(e -> e.type() == HistoryEventType.MAP_STATE_STARTED)
          .map(e -> e.details().orElseThrow().get("length").asInt()).toList()).containsExactly(3);
    }
  }

  @Test
  void aNestedParallelInARerunBranchRerunsOnlyItsOwnFailedBranch() {
    StateMachineDefinition nested = StateMachineDefinition.of("Nested", """
        {"StartAt":"Outer","States":{
          "Outer":{"Type":"Parallel","End":true,"Branches":[
            {"StartAt":"Inner","States":{"Inner":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%1$sx","End":true}}},
              {"StartAt":"Y","States":{"Y":{"Type":"Task","Resource":"%1$sy","End":true}}}]}}},
            {"StartAt":"Z","States":{"Z":{"Type":"Task","Resource":"%1$sz","End":true}}}]}}}""".formatted(LAMBDA));
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("X").willReturn("\"x\"");
    mocks.onState("Y").willThrow("Y.Failed").thenReturn("\"y\"");
    mocks.onState("Z").willReturn("\"z\"");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(nested, "{}").withTaskHandler(mocks));
      assertThat(execution.awaitCompletion().status()).isEqualTo(ExecutionStatus.FAILED);

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.output().orElseThrow().toString()).isEqualTo("[[\"x\",\"y\"],\"z\"]");
      assertThat(mocks.invocations("Y")).hasSize(2);
      assertThat(mocks.invocations("Z")).as("Z may have run or been aborted before Y failed").hasSizeLessThanOrEqualTo(2);
      assertThat(mocks.invocations("X")).hasSize(1);
    }
  }

  @Test
  void aRetryInsideTheRedrivenRunRerunsTheWholeParallelState() {
    StateMachineDefinition retried = StateMachineDefinition.of("Retried", """
        {"StartAt":"Both","States":{
          "Both":{"Type":"Parallel","End":true,
            "Retry":[{"ErrorEquals":["B.Failed"],"MaxAttempts":1,"IntervalSeconds":1}],"Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%1$sa","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"%1$sb","End":true}}}]}}}""".formatted(LAMBDA));
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("A").willReturn("\"a1\"").thenReturn("\"a2\"").thenReturn("\"a3\"").thenReturn("\"a4\"");
    // Fails the first attempt and its retry, then the redriven attempt, then succeeds on the retry.
    mocks.onState("B").willThrow("B.Failed").thenThrow("B.Failed").thenThrow("B.Failed").thenReturn("\"b\"");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(retried, "{}").withTaskHandler(mocks));
      assertThat(execution.awaitCompletion().status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(mocks.invocations("A")).hasSize(2);

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      // The redrive kept A's output ("a2"); its Retry then reran both branches.
      assertThat(mocks.invocations("A")).hasSize(3);
      assertThat(redriven.output().orElseThrow().toString()).isEqualTo("[\"a3\",\"b\"]");
    }
  }

  @Test
  void aDistributedMapRedrivesItsMapRunRerunningOnlyTheUnsuccessfulChildExecutions() {
    StateMachineDefinition distributed = StateMachineDefinition.of("Dist", """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","MaxConcurrency":1,"End":true,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work",
              "States":{"Work":{"Type":"Task","Resource":"%swork","End":true}}}}}}""".formatted(LAMBDA));
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Work").willReturn("\"r0\"").thenThrow("Work.Failed", "item 1").thenReturn("\"r1\"")
        .thenReturn("\"r2\"");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(distributed, "[\"a\",\"b\",\"c\"]").withTaskHandler(mocks));
      ExecutionResult failed = execution.awaitCompletion();
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      String mapRunArn = failed.mapRuns().get(0).mapRunArn();
      assertThat(failed.mapRuns().get(0).children()).hasSize(2);

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.output().orElseThrow().toString()).isEqualTo("[\"r0\",\"r1\",\"r2\"]");
      assertThat(mocks.invocations("Work")).hasSize(4);
      // One Map Run, redriven: the same ARN, MapRunRedriven instead of a second MapRunStarted.
      assertThat(redriven.mapRuns()).hasSize(1);
      assertThat(redriven.mapRuns().get(0).mapRunArn()).isEqualTo(mapRunArn);
      assertThat(redriven.mapRuns().get(0).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.mapRuns().get(0).succeededChildren()).hasSize(3);
      List<HistoryEvent> after = afterRedrive(redriven);
      assertThat(types(after)).containsExactly(HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_STARTED,
          HistoryEventType.MAP_RUN_REDRIVEN, HistoryEventType.MAP_RUN_SUCCEEDED, HistoryEventType.MAP_STATE_SUCCEEDED,
          HistoryEventType.MAP_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
      HistoryEvent redrive = after.get(2);
      assertThat(redrive.details().orElseThrow().get("mapRunArn").asText()).isEqualTo(mapRunArn);
      assertThat(redrive.details().orElseThrow().get("redriveCount").asInt()).isEqualTo(1);
      assertThat(redriven.history().ofType(HistoryEventType.MAP_RUN_STARTED)).hasSize(1);
    }
  }
}
