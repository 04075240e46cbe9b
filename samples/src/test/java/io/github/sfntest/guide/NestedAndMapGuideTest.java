package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.s3.InMemoryS3;
import org.junit.jupiter.api.Test;

/** docs/nested-and-distributed-map.md: child executions and a Distributed Map over S3. */
class NestedAndMapGuideTest {

  @Test
  void a_parent_runs_a_deployed_child_for_each_order() {
    // [nested]
    StateMachineDefinition parent = StateMachineDefinition.fromClasspath("guide/parent.asl.json");
    StateMachineDefinition shipping = StateMachineDefinition.fromClasspath("guide/shipping.asl.json").withName("Shipping");

    try (Engine engine = Engine.inProcess()) {
      engine.deploy(shipping);   // startExecution(.sync:2) of ...:stateMachine:Shipping runs it
      ExecutionResult result = engine.run(StartRequest.of(parent, "{\"orders\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}"));

      assertThat(result).succeeded().hasOutput("[{\"shipped\": \"a\"}, {\"shipped\": \"b\"}]");
      assertThat(result.childExecutions()).hasSize(2)
          .allSatisfy(child -> assertThat(child.stateMachineName()).isEqualTo("Shipping"));
    }
    // [/nested]
  }

  @Test
  void a_distributed_map_over_a_csv_file_in_s3() {
    // [distributed-map]
    InMemoryS3 s3 = new InMemoryS3().putObject("orders", "orders.csv", "id,amount\n1,10\n2,32\n");
    StateMachineDefinition rows = StateMachineDefinition.fromClasspath("guide/rows.asl.json");

    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(rows, "{}").withS3(s3));

      assertThat(result).succeeded()
          .hasOutput("[{\"id\": \"1\", \"total\": 10}, {\"id\": \"2\", \"total\": 32}]");
      MapRunResult mapRun = result.mapRun("ProcessRows");
      assertThat(mapRun.itemCount()).isEqualTo(2);
      assertThat(mapRun.succeededChildren()).hasSize(2);
    }
    // [/distributed-map]
  }

  @Test
  void redriving_the_parent_redrives_the_failed_child_executions_of_its_map_run() {
    // [map-run-redrive]
    StateMachineDefinition chargeEach = StateMachineDefinition.fromClasspath("guide/charge-each.asl.json");
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload("ok-a"))
        .thenThrow("Card.Declined", "try again later")
        .thenReturn(IntegrationResults.lambdaPayload("ok-b"));

    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(chargeEach, "[\"a\", \"b\"]").withTaskHandler(mocks));
      MapRunResult failed = execution.awaitCompletion().mapRun("ChargeEach");
      assertThat(failed.failedChildren()).hasSize(1);
      assertThat(failed.notRedrivableReason(failed.child(1))).isEmpty();   // REDRIVABLE_BY_MAP_RUN

      ExecutionResult result = execution.redrive().awaitCompletion();

      assertThat(result).succeeded().hasOutput("[\"ok-a\", \"ok-b\"]");
      MapRunResult mapRun = result.mapRun("ChargeEach");
      assertThat(mapRun.redriveCount()).isEqualTo(1);
      // the same child execution, redriven from its failed state; the succeeded one did not run again
      assertThat(mapRun.child(1).executionArn()).isEqualTo(failed.child(1).executionArn());
      assertThat(mapRun.child(1)).wasRedriven(1);
      assertThat(mapRun.child(0)).wasRedriven(0);
    }
    // [/map-run-redrive]
  }
}
