package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.mock.MockConfigFile;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;

/**
 * RedriveExecution of a parent whose Map Run failed, read through the AWS SDK v2: the Map Run's
 * redrive members (DescribeMapRun), its STANDARD children redriven under their own ARNs
 * (ListExecutions with mapRunArn and redriveFilter, DescribeExecution, GetExecutionHistory).
 */
class MapRunRedriveEndpointTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/sfn";
  /** One item at a time, each through Prep (Pass) then Work (Lambda). */
  static final String DISTRIBUTED = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"Label":"Items","End":true,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Prep",
          "States":{"Prep":{"Type":"Pass","Next":"Work"},
            "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}}}}""";
  /** Item 1 fails in Work (the run fails, item 2 never starts); the calls after the redrive succeed. */
  static final String MOCKS = """
      {"StateMachines":{"Dist":{"TestCases":{"FailThenOk":{"Work":"W"}}}},"MockedResponses":{"W":{
        "0":{"Return":{"Payload":"r0"}},
        "1":{"Throw":{"Error":"Work.Failed","Cause":"item 1"}},
        "2":{"Return":{"Payload":"r1"}},
        "3":{"Return":{"Payload":"r2"}}}}}""";

  static SfnServer server;
  static SfnClient sfn;

  @BeforeAll
  static void start() {
    server = SfnServer.builder().mockConfig(MockConfigFile.parse(MOCKS)).start();
    sfn = Clients.sfn(server.endpoint());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  private static List<ExecutionListItem> children(String mapRunArn, ExecutionRedriveFilter filter) {
    return sfn.listExecutions(b -> b.mapRunArn(mapRunArn).redriveFilter(filter)).executions();
  }

  @Test
  void redrivingTheParentRedrivesTheFailedChildUnderItsOwnArn() {
    String machine = sfn.createStateMachine(b -> b.name("Dist").definition(DISTRIBUTED).roleArn(ROLE))
        .stateMachineArn();
    String parent = sfn.startExecution(b -> b.stateMachineArn(machine + "#FailThenOk").name("dist-1")
        .input("[0,1,2]")).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(parent)).status()).isEqualTo(ExecutionStatus.FAILED);
    String mapRunArn = sfn.listMapRuns(b -> b.executionArn(parent)).mapRuns().get(0).mapRunArn();

    DescribeMapRunResponse failedRun = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(failedRun.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(failedRun.redriveCount()).isZero();
    assertThat(failedRun.redriveDate()).isNull();
    assertThat(failedRun.executionCounts().failed()).isEqualTo(1L);
    assertThat(failedRun.executionCounts().failuresNotRedrivable()).isZero();
    assertThat(failedRun.executionCounts().pendingRedrive()).isZero();
    ExecutionListItem failedChild = sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions().stream()
        .filter(c -> c.status() == ExecutionStatus.FAILED).findFirst().orElseThrow();
    String childArn = failedChild.executionArn();
    DescribeExecutionResponse child = sfn.describeExecution(b -> b.executionArn(childArn));
    assertThat(child.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE_BY_MAP_RUN);
    assertThat(child.redriveStatusReason()).isNull();
    // Only a redrive of the parent redrives a Map Run's child.
    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(childArn)))
        .isInstanceOf(ExecutionNotRedrivableException.class)
        .hasMessageContaining("redrive its parent execution '" + parent + "'");

    sfn.redriveExecution(b -> b.executionArn(parent));

    DescribeExecutionResponse redrivenParent = sfn.describeExecution(b -> b.executionArn(parent));
    assertThat(redrivenParent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(redrivenParent.output()).isEqualTo("[\"r0\",\"r1\",\"r2\"]");
    DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(run.redriveCount()).isEqualTo(1);
    HistoryEvent mapRunRedriven = sfn.getExecutionHistory(b -> b.executionArn(parent)).events().stream()
        .filter(e -> e.type() == HistoryEventType.MAP_RUN_REDRIVEN).findFirst().orElseThrow();
    assertThat(mapRunRedriven.mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(mapRunArn);
    assertThat(mapRunRedriven.mapRunRedrivenEventDetails().redriveCount()).isEqualTo(1);
    assertThat(run.redriveDate()).isEqualTo(mapRunRedriven.timestamp());
    assertThat(run.executionCounts().total()).isEqualTo(3L);
    assertThat(run.executionCounts().succeeded()).isEqualTo(3L);
    assertThat(run.executionCounts().failed()).isZero();
    assertThat(run.itemCounts().succeeded()).isEqualTo(3L);

    // the redriven child is the same execution; the one that had succeeded was not redriven
    assertThat(children(mapRunArn, ExecutionRedriveFilter.REDRIVEN)).extracting(ExecutionListItem::executionArn)
        .containsExactly(childArn);
    assertThat(children(mapRunArn, ExecutionRedriveFilter.NOT_REDRIVEN)).hasSize(2)
        .extracting(ExecutionListItem::executionArn).doesNotContain(childArn);
    DescribeExecutionResponse redrivenChild = sfn.describeExecution(b -> b.executionArn(childArn));
    assertThat(redrivenChild.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(redrivenChild.output()).isEqualTo("\"r1\"");
    assertThat(redrivenChild.redriveCount()).isEqualTo(1);
    assertThat(redrivenChild.redriveDate()).isNotNull();
    assertThat(redrivenChild.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(redrivenChild.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven.");
    List<HistoryEvent> childEvents = sfn.getExecutionHistory(b -> b.executionArn(childArn)).events();
    HistoryEvent redriven = childEvents.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN)
        .findFirst().orElseThrow();
    assertThat(redriven.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
    // on from Work, the state that failed: Prep ran once
    assertThat(childEvents.stream().filter(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).count()).isEqualTo(1);
    assertThat(childEvents.stream().filter(e -> e.type() == HistoryEventType.TASK_STATE_ENTERED).count()).isEqualTo(2);
  }

  @Test
  void whileTheRedrivenParentRunsItsChildIsNotRedrivableAndTheRedriveOfTheChildIsRefused() {
    // The child fails first (no Choice rule matches); redriven, it goes on to Work, which waits for a token.
    String definition = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Gate",
            "States":{"Gate":{"Type":"Choice","Choices":[{"Variable":"$$.Execution.RedriveCount",
                "NumericGreaterThanEquals":1,"Next":"Work"}]},
              "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"work","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}}}}""";
    String machine = sfn.createStateMachine(b -> b.name("DistWait").definition(definition).roleArn(ROLE))
        .stateMachineArn();
    String parent = sfn.startExecution(b -> b.stateMachineArn(machine).name("wait-1").input("[0]")).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(parent)).error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    String mapRunArn = sfn.listMapRuns(b -> b.executionArn(parent)).mapRuns().get(0).mapRunArn();
    String childArn = sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions().get(0).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(childArn)).error()).isEqualTo("States.NoChoiceMatched");

    sfn.redriveExecution(b -> b.executionArn(parent));

    assertThat(sfn.describeExecution(b -> b.executionArn(parent)).status()).isEqualTo(ExecutionStatus.RUNNING);
    DescribeExecutionResponse child = sfn.describeExecution(b -> b.executionArn(childArn));
    assertThat(child.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(child.redriveStatusReason()).isEqualTo("Map Run is RUNNING and cannot be redriven.");
    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(childArn)))
        .isInstanceOf(ExecutionNotRedrivableException.class)
        .hasMessageContaining("child workflow execution of Map Run '" + mapRunArn + "'");
    sfn.stopExecution(b -> b.executionArn(parent));
  }
}
