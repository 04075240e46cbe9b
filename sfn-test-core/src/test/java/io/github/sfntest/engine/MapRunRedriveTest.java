package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.mock.MockedResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redrive of a Distributed Map's Map Run, as AWS documents it ("Redriving Map Runs"): STANDARD
 * children "are redriven using the RedriveExecution API action ... from the last state in
 * ItemProcessor that resulted in their unsuccessful execution" and "use the same execution ARN";
 * EXPRESS children "are started using the StartExecution API action. The first state in
 * ItemProcessor is run first."
 */
class MapRunRedriveTest {

  private static final String LAMBDA = "arn:aws:lambda:us-east-1:111111111111:function:";

  /** Items run one at a time (MaxConcurrency 1), each through Fetch then Work. */
  private static StateMachineDefinition machine(String executionType) {
    return StateMachineDefinition.of("Dist", """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","MaxConcurrency":1,"Label":"Items","End":true,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},"StartAt":"Fetch",
              "States":{"Fetch":{"Type":"Task","Resource":"%sfetch","ResultPath":null,"Next":"Work"},
                "Work":{"Type":"Task","Resource":"%swork","End":true}}}}}}""".formatted(executionType, LAMBDA, LAMBDA));
  }

  /** Item a succeeds, item b fails in Work (the run fails, c never starts); after the redrive all succeed. */
  private static MockedResponses mocks() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Fetch").willReturn("{}");
    mocks.onState("Work").willReturn("\"r0\"").thenThrow("Work.Failed", "item b").thenReturn("\"r1\"")
        .thenReturn("\"r2\"");
    return mocks;
  }

  private static List<HistoryEventType> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::type).toList();
  }

  @Test
  void standardChildrenAreRedrivenUnderTheirOwnArnFromTheStateThatFailed() {
    MockedResponses mocks = mocks();
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(machine("STANDARD"), "[\"a\",\"b\",\"c\"]")
          .withTaskHandler(mocks));
      ExecutionResult failed = execution.awaitCompletion();
      MapRunResult failedRun = failed.mapRuns().get(0);
      assertThat(failedRun.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failedRun.children()).hasSize(2);
      ExecutionResult failedChild = failedRun.child(1);
      // While the parent may redrive it, the failed child is REDRIVABLE_BY_MAP_RUN (no reason).
      assertThat(failedRun.notRedrivableReason(failedChild)).isEmpty();
      assertThat(failedRun.notRedrivableReason(failedRun.child(0)))
          .hasValue("Execution is SUCCEEDED and cannot be redriven.");
      assertThat(failedRun.notRedrivableChildren()).isEmpty();
      assertThat(failedRun.redriveCount()).isZero();
      assertThat(failedRun.redriveDate()).isEmpty();

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.output().orElseThrow().toString()).isEqualTo("[\"r0\",\"r1\",\"r2\"]");
      MapRunResult run = redriven.mapRuns().get(0);
      assertThat(run.children()).hasSize(3);
      // the succeeded child did not run again, the failed one is the same execution, redriven
      assertThat(run.child(0).executionArn()).isEqualTo(failedRun.child(0).executionArn());
      assertThat(run.child(0).history().events()).hasSameSizeAs(failedRun.child(0).history().events());
      assertThat(run.child(1).executionArn()).isEqualTo(failedChild.executionArn());
      assertThat(run.child(1).redriveCount()).isEqualTo(1);
      assertThat(run.child(0).redriveCount()).isZero();
      assertThat(run.child(2).redriveCount()).isZero();
      // Fetch ran once per item: the redriven child went on from Work, the state that failed
      assertThat(mocks.invocations("Fetch")).hasSize(3);
      assertThat(mocks.invocations("Work")).hasSize(4);
      List<HistoryEvent> childEvents = run.child(1).history().events();
      long redrivenId = run.child(1).history().ofType(HistoryEventType.EXECUTION_REDRIVEN).get(0).id();
      assertThat(types(childEvents.stream().filter(e -> e.id() >= redrivenId).toList())).containsExactly(
          HistoryEventType.EXECUTION_REDRIVEN, HistoryEventType.TASK_STATE_ENTERED,
          HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
          HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
          HistoryEventType.EXECUTION_SUCCEEDED);
      assertThat(childEvents.stream().filter(e -> e.id() > redrivenId).findFirst().orElseThrow().stateName())
          .hasValue("Work");

      assertThat(run.redriveCount()).isEqualTo(1);
      HistoryEvent mapRunRedriven = redriven.history().ofType(HistoryEventType.MAP_RUN_REDRIVEN).get(0);
      assertThat(run.redriveDate()).hasValue(mapRunRedriven.timestamp());
      assertThat(run.notRedrivableReason(run.child(1)))
          .hasValue("Execution is SUCCEEDED and cannot be redriven.");
    }
  }

  @Test
  void expressChildrenStartAgainUnderTheirFirstArnFromTheFirstState() {
    MockedResponses mocks = mocks();
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(machine("EXPRESS"), "[\"a\",\"b\",\"c\"]")
          .withTaskHandler(mocks));
      ExecutionResult failed = execution.awaitCompletion();
      String failedChildArn = failed.mapRuns().get(0).child(1).executionArn();

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      MapRunResult run = redriven.mapRuns().get(0);
      assertThat(run.child(1).executionArn()).isEqualTo(failedChildArn);
      // a new execution: its history starts again, without ExecutionRedriven, at the first state
      assertThat(run.child(1).history().ofType(HistoryEventType.EXECUTION_REDRIVEN)).isEmpty();
      assertThat(run.child(1).history().events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
      assertThat(mocks.invocations("Fetch")).hasSize(4);
      assertThat(run.redriveCount()).isEqualTo(1);
    }
  }

  @Test
  void aChildWhoseOwnRedriveIsRefusedKeepsItsFailureAndIsNotRedrivable() {
    // Item b loops until its history passes the limit: AWS never redrives such an execution.
    StateMachineDefinition looping = StateMachineDefinition.of("Loop", """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","MaxConcurrency":1,"End":true,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check",
              "States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$","StringEquals":"b","Next":"Spin"}],
                  "Default":"Done"},
                "Spin":{"Type":"Pass","Next":"Spin"},
                "Done":{"Type":"Succeed"}}}}}}""");
    EngineOptions options = EngineOptions.builder().maxHistoryEvents(60).build();
    try (Engine engine = Engine.inProcess(options)) {
      Execution execution = engine.start(StartRequest.of(looping, "[\"a\",\"b\"]"));
      ExecutionResult failed = execution.awaitCompletion();
      MapRunResult failedRun = failed.mapRuns().get(0);
      assertThat(failedRun.status()).isEqualTo(ExecutionStatus.FAILED);
      ExecutionResult spun = failedRun.child(1);
      assertThat(failedRun.notRedrivableReason(spun)).hasValue("Execution history event limit exceeded.");
      assertThat(failedRun.notRedrivableChildren()).containsExactly(spun);

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      // the child is not run again: its failure is final and the run fails again on it
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.FAILED);
      MapRunResult run = redriven.mapRuns().get(0);
      assertThat(run.error()).hasValue(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD);
      assertThat(run.redriveCount()).isEqualTo(1);
      assertThat(run.child(1).history().events()).hasSameSizeAs(spun.history().events());
      assertThat(run.notRedrivableChildren()).extracting(ExecutionResult::executionArn)
          .containsExactly(spun.executionArn());
    }
  }

  @Test
  void aChildThatStoppedMoreThanFourteenDaysBeforeTheRedriveKeepsItsFailure() {
    // "A Standard child workflow execution might not be redrivable if the parent workflow execution
    // has closed within 14 days, but the child workflow execution closed earlier than 14 days."
    StateMachineDefinition slow = StateMachineDefinition.of("Slow", """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","MaxConcurrency":1,"ToleratedFailureCount":1,"End":true,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check",
              "States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$","StringEquals":"bad","Next":"Bad"}],
                  "Default":"Wait"},
                "Bad":{"Type":"Fail","Error":"Item.Bad"},
                "Wait":{"Type":"Wait","Seconds":1296000,"Next":"Work"},
                "Work":{"Type":"Task","Resource":"%swork","End":true}}}}}}""".formatted(LAMBDA));
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Work").willThrow("Work.Failed", "first").thenReturn("\"done\"");
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(slow, "[\"bad\",\"slow\"]").withTaskHandler(mocks));
      MapRunResult failed = execution.awaitCompletion().mapRuns().get(0);
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.notRedrivableReason(failed.child(0))).hasValue("Execution redrivable period exceeded.");
      assertThat(failed.notRedrivableChildren()).containsExactly(failed.child(0));
      assertThat(failed.notRedrivableReason(failed.child(1))).isEmpty();

      ExecutionResult redriven = execution.redrive().awaitCompletion();

      // the stale child keeps its failure (tolerated: one is allowed), the other is redriven from Work
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      MapRunResult run = redriven.mapRuns().get(0);
      assertThat(run.child(0).history().events()).hasSameSizeAs(failed.child(0).history().events());
      assertThat(run.child(0).status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.child(1).redriveCount()).isEqualTo(1);
      assertThat(run.child(1).output().orElseThrow().asText()).isEqualTo("done");
      assertThat(run.notRedrivableChildren()).isEmpty();
    }
  }
}
