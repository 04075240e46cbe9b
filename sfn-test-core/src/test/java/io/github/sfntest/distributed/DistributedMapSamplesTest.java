package io.github.sfntest.distributed;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The distributed-map samples of the shared samples corpus, run on fixture data. */
class DistributedMapSamplesTest {

  private static Path samples() {
    return SharedDir.require("samples-corpus");
  }

  @Test
  void csv_iterator_starts_one_child_workflow_per_metrics_row() {
    Path dir = samples().resolve("distributed-map-s3-csv");
    StateMachineDefinition definition = StateMachineDefinition.fromFile(dir.resolve("csv-iterator-parent.asl.json"))
        .withSubstitutions(Map.of("CSVBucket", "csv-bucket",
            "ChildStateMachine", "arn:aws:states:us-east-1:111111111111:stateMachine:child"));
    InMemoryS3 s3 = new InMemoryS3().putFile("csv-bucket", "metrics.csv", dir.resolve("metrics.csv"));
    List<JsonNode> started = new CopyOnWriteArrayList<>();
    StartRequest request = StartRequest.of(definition, "{}").withS3(s3).withTaskHandler(invocation -> {
      started.add(invocation.parameters());
      return TaskOutcome.success(Json.parse("{\"ExecutionArn\":\"arn:child\",\"StartDate\":\"2024-01-01T00:00:00Z\"}"));
    });
    ExecutionResult result;
    try (Engine engine = Engine.inProcess()) {
      result = engine.run(request);
    }

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    int rows = (int) s3.getObjectText("csv-bucket", "metrics.csv").lines().count() - 1;
    assertThat(result).mapRun("Map").succeeded().hasItemsRead(rows).hasSucceededChildren(rows);
    assertThat(result.mapRun("Map").executionType()).isEqualTo("EXPRESS");
    JsonNode first = started.get(0);
    assertThat(first.get("StateMachineArn").asText()).endsWith(":stateMachine:child");
    JsonNode payload = first.at("/Input/StatePayload");
    assertThat(payload.get("VideoPublishTime").asText()).isEqualTo("May 3, 2021");
    assertThat(payload.get("Views").asText()).isEqualTo("24993");
    // $$.Execution.Id inside a child is the child's own execution, not the parent's.
    assertThat(first.at("/Input/AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText())
        .isEqualTo(result.mapRun("Map").child(0).executionArn())
        .isNotEqualTo(result.executionArn());
  }

  @Test
  void noaa_temperatures_batches_the_listing_and_hands_the_result_manifest_to_the_reducer() {
    Path dir = samples().resolve("distributed-map-s3-noaa");
    StateMachineDefinition definition = StateMachineDefinition.fromFile(dir.resolve("dmap-temperatures.asl.json"))
        .withSubstitutions(Map.of("InputBucket", "noaa", "ResultsBucket", "results",
            "DistributedMapTestFunctionName", "mapper", "ReducerFunctionName", "reducer"));
    InMemoryS3 s3 = new InMemoryS3();
    int stations = 1203;
    for (int i = 0; i < stations; i++) {
      s3.putObject("noaa", String.format("csv/by_station/%05d.csv", i), "STATION,DATE,TEMP\n" + i + ",2022-01-01," + (i % 90));
    }
    List<JsonNode> reducerInputs = new CopyOnWriteArrayList<>();
    StartRequest request = StartRequest.of(definition, "{}").withS3(s3).withTaskHandler(invocation -> {
      JsonNode payload = invocation.parameters().get("Payload");
      if (invocation.stateName().equals("Reducer")) {
        reducerInputs.add(payload);
        return TaskOutcome.success(IntegrationResults.lambdaPayload(Map.of("reduced", true)));
      }
      ObjectNode summary = Json.NODES.objectNode();
      summary.put("files", payload.get("Items").size());
      return TaskOutcome.success(IntegrationResults.lambdaPayload(summary));
    });
    ExecutionResult result;
    try (Engine engine = Engine.inProcess()) {
      result = engine.run(request);
    }

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse("{\"reduced\":true}"));
    assertThat(result).mapRun("DistributedMap").succeeded().hasItemsRead(stations).hasBatches(3);
    JsonNode firstBatch = result.mapRun("DistributedMap").child(0).input();
    assertThat(firstBatch.get("BatchInput")).isEqualTo(Json.parse("{}"));
    assertThat(firstBatch.get("Items")).hasSize(500);
    assertThat(firstBatch.at("/Items/0/Key").asText()).isEqualTo("csv/by_station/00000.csv");

    JsonNode reducerInput = reducerInputs.get(0);
    assertThat(reducerInput.get("MapRunArn").asText()).contains(":mapRun:").contains("/DistributedMap:");
    String manifestKey = reducerInput.at("/ResultWriterDetails/Key").asText();
    assertThat(manifestKey).startsWith("results/").endsWith("/manifest.json");
    JsonNode manifest = s3.getObjectJson("results", manifestKey);
    String succeededKey = manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText();
    ArrayNode written = (ArrayNode) s3.getObjectJson("results", succeededKey);
    assertThat(written).hasSize(3);
    assertThat(Json.parse(written.get(2).get("Output").asText())).isEqualTo(Json.parse("{\"files\":203}"));
  }
}
