package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.sdk.SdkEngine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;

/** DescribeMapRun, ListMapRuns, UpdateMapRun and ListExecutions(mapRunArn) through the AWS SDK v2. */
@ExtendWith(RunningEndpoint.class)
class MapRunsTest {

  /** Three items; item 2 fails, which one tolerated failure allows. */
  static final String DEFINITION = """
      {"StartAt": "Items", "States": {"Items": {"Type": "Map", "ItemsPath": "$.items", "Label": "Run",
        "MaxConcurrency": 5, "ToleratedFailureCount": 1,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "Check", "States": {
            "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}],
              "Default": "Good"},
            "Good": {"Type": "Pass", "End": true},
            "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "two"}}},
        "End": true}}}""";

  static SfnServer server;
  static SfnClient sfn;

  static String run(String machine) {
    String arn = sfn.createStateMachine(b -> b.name(machine).definition(DEFINITION)
        .roleArn("arn:aws:iam::111111111111:role/sfn")).stateMachineArn();
    return sfn.startExecution(b -> b.stateMachineArn(arn).name("e1").input("{\"items\": [1, 2, 3]}")).executionArn();
  }

  @Test
  void listAndDescribeTheMapRunOfAnExecution() {
    String exec = run("MapRuns");
    assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    List<MapRunListItem> runs = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.executionArn()).isEqualTo(exec);
      assertThat(run.mapRunArn()).startsWith("arn:aws:states:us-east-1:111111111111:mapRun:MapRuns/Run:");
      assertThat(run.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:MapRuns/Run");
      assertThat(run.stopDate()).isNotNull();
    });
    String mapRunArn = runs.get(0).mapRunArn();

    DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(d.executionArn()).isEqualTo(exec);
    assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(d.maxConcurrency()).isEqualTo(5);
    assertThat(d.toleratedFailureCount()).isEqualTo(1L);
    assertThat(d.itemCounts().total()).isEqualTo(3L);
    assertThat(d.itemCounts().succeeded()).isEqualTo(2L);
    assertThat(d.itemCounts().failed()).isEqualTo(1L);
    assertThat(d.executionCounts().total()).isEqualTo(3L);
    assertThat(d.executionCounts().failed()).isEqualTo(1L);
    assertThat(d.stopDate()).isAfterOrEqualTo(d.startDate());
  }

  @Test
  void theChildExecutionsAreListedByMapRunAndReadLikeAnyExecution() {
    String exec = run("MapRunChildren");
    String mapRunArn = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();

    List<ExecutionListItem> children = sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions();
    assertThat(children).hasSize(3).allSatisfy(child -> {
      assertThat(child.mapRunArn()).isEqualTo(mapRunArn);
      assertThat(child.stateMachineArn()).endsWith(":stateMachine:MapRunChildren/Run");
      assertThat(child.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:execution:MapRunChildren/Run:");
    });
    assertThat(children).extracting(ExecutionListItem::status)
        .containsExactlyInAnyOrder(ExecutionStatus.SUCCEEDED, ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED);
    ExecutionListItem failed = children.stream().filter(c -> c.status() == ExecutionStatus.FAILED).findFirst().orElseThrow();
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(failed.executionArn()));
    assertThat(d.input()).isEqualTo("2");
    assertThat(d.error()).isEqualTo("Item.Bad");
    assertThat(d.mapRunArn()).isEqualTo(mapRunArn);
    assertThat(sfn.getExecutionHistory(b -> b.executionArn(failed.executionArn())).events())
        .extracting(e -> e.typeAsString()).contains("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    // the children are not executions of the parent state machine
    String machine = sfn.describeExecution(b -> b.executionArn(exec)).stateMachineArn();
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
        .extracting(ExecutionListItem::executionArn).containsExactly(exec);
  }

  @Test
  void updateMapRunChangesWhatDescribeMapRunReports() {
    String exec = run("MapRunUpdate");
    String mapRunArn = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();

    sfn.updateMapRun(b -> b.mapRunArn(mapRunArn).maxConcurrency(2).toleratedFailurePercentage(10f));

    DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(d.maxConcurrency()).isEqualTo(2);
    assertThat(d.toleratedFailurePercentage()).isEqualTo(10f);
    assertThat(d.toleratedFailureCount()).isEqualTo(1L);
  }

  @Test
  void unknownAndMalformedMapRunArnsAnswerAwsErrors() {
    String exec = run("MapRunErrors");
    assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(
        "arn:aws:states:us-east-1:111111111111:mapRun:MapRunErrors/Run:00000000-0000-0000-0000-000000000000")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(exec))).isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(exec).maxConcurrency(1)))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(
        "arn:aws:states:us-east-1:111111111111:mapRun:MapRunErrors/Run:nope"))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void theSdkEngineGivesMapRunResultsFromTheApi() {
    try (Engine engine = SdkEngine.forEndpoint(server.endpoint())) {
      assertThat(engine.capabilities()).contains(EngineCapability.MAP_RUN_RESULTS);
      ExecutionResult result = engine.run(StartRequest.of(StateMachineDefinition.of("MapRunSdk", DEFINITION),
          "{\"items\": [1, 2, 3]}"));

      MapRunResult run = result.mapRun("Items");
      assertThat(run.status()).isEqualTo(io.github.sfntest.engine.ExecutionStatus.SUCCEEDED);
      assertThat(run.label()).contains("Run");
      assertThat(run.executionType()).isEqualTo("STANDARD");
      assertThat(run.itemCount()).isEqualTo(3);
      assertThat(run.batchCount()).isZero();
      assertThat(run.maxConcurrency()).isEqualTo(5);
      assertThat(run.failedItemCount()).isEqualTo(1);
      assertThat(run.toleratedFailures()).isEqualTo(1);
      // children in item order, each with its own input, result and history
      assertThat(run.children()).extracting(c -> c.input().asInt()).containsExactly(1, 2, 3);
      assertThat(run.child(1).error()).contains("Item.Bad");
      assertThat(run.child(0).history().enteredStateNames()).containsExactly("Check", "Good");
      // the same as in-process
      MapRunResult local = Engine.inProcess().run(StartRequest.of(StateMachineDefinition.of("MapRunSdk", DEFINITION),
          "{\"items\": [1, 2, 3]}")).mapRun("Items");
      assertThat(run.children()).extracting(ExecutionResult::status)
          .isEqualTo(local.children().stream().map(ExecutionResult::status).toList());
    }
  }

  @Test
  void aFailedMapRunCarriesItsErrorFromTheHistory() {
    String strict = DEFINITION.replace("\"ToleratedFailureCount\": 1,", "");
    try (Engine engine = SdkEngine.forEndpoint(server.endpoint())) {
      ExecutionResult result = engine.run(StartRequest.of(StateMachineDefinition.of("MapRunStrict", strict),
          "{\"items\": [1, 2, 3]}"));
      assertThat(result.status()).isEqualTo(io.github.sfntest.engine.ExecutionStatus.FAILED);
      MapRunResult run = result.mapRun("Items");
      assertThat(run.status()).isEqualTo(io.github.sfntest.engine.ExecutionStatus.FAILED);
      assertThat(run.error()).contains("States.ExceedToleratedFailureThreshold");
    }
  }
}
