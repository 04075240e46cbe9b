package io.github.sfntest.samples.distributedmap;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.junit.RequiresCapability;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NOAA weather map/reduce of aws-samples "demo-distributed-map-data-processing": a Distributed
 * Map lists every weather-station CSV file of a bucket ({@code ItemReader} s3:listObjectsV2), hands
 * them to a mapper Lambda in batches of 500 ({@code ItemBatcher}), tolerates up to 5 % failed items,
 * writes the results to S3 ({@code ResultWriter}), and a reducer Lambda reads them back from the
 * manifest to find the hottest station per month.
 *
 * <p>The stations are objects in an {@link InMemoryS3} bucket; the mapper mock answers each batch
 * like the real function (a summary of the files it got).
 */
@StateMachineTest(definition = "distributed-map-s3-noaa/dmap-temperatures.asl.json", name = "Temperatures",
    substitutions = {"InputBucket=noaa-gsod", "ResultsBucket=results-bucket",
        "DistributedMapTestFunctionName=Mapper", "ReducerFunctionName=Reducer"})
class TemperaturesMapReduceTest {

  StateMachineUnderTest temperatures;
  MockedResponses mocks;
  final InMemoryS3 s3 = new InMemoryS3().createBucket("results-bucket");

  void stations(int count) {
    for (int i = 1; i <= count; i++) {
      s3.putObject("noaa-gsod", "2022/%05d.csv".formatted(i), "STATION,DATE,TEMP\n%05d,2022-01-01,%d\n".formatted(i, i % 90));
    }
  }

  @BeforeEach
  void theFunctions() {
    mocks.onLambda("Mapper").willAnswer(call -> Map.of("files", call.parameters().at("/Payload/Items").size()));
    mocks.onLambda("Reducer").willReturn(Map.of("hottest", Map.of("2022-01", "00089")));
  }

  ExecutionResult run() {
    return temperatures.start(StartRequest.of(temperatures.definition(), "{}").withS3(s3)).awaitCompletion();
  }

  /** Scenario: 1,200 station files in batches of 500: three mapper runs, results in S3, one reducer run. */
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  @Test
  void stationFilesAreMappedInBatchesAndReducedFromTheResultManifest() {
    stations(1200);

    ExecutionResult result = run();

    assertThat(result).succeeded().hasPath("DistributedMap", "Reducer")
        .hasOutput("{\"hottest\": {\"2022-01\": \"00089\"}}");
    assertThat(result).mapRun("DistributedMap").succeeded().hasItemsRead(1200).hasBatches(3).hasChildren(3)
        .hasSucceededChildren(3);
    // a batch is {"Items": [listed objects], "BatchInput": {}}
    JsonNode firstBatch = mocks.invocations("Lambda Invoke").stream()
        .map(call -> call.parameters().get("Payload"))
        .filter(p -> p.at("/Items/0/Key").asText().equals("2022/00001.csv")).findFirst().orElseThrow();
    assertThat(firstBatch.get("Items")).hasSize(500);
    assertThat(firstBatch.get("BatchInput").isObject() && firstBatch.get("BatchInput").isEmpty()).isTrue();
    assertThat(firstBatch.at("/Items/0/Size").asLong()).isPositive();
    assertThat(mocks.invocations("Lambda Invoke")).extracting(c -> c.parameters().at("/Payload/Items").size())
        .containsExactlyInAnyOrder(500, 500, 200);
    // the reducer is told where the results are: the manifest the ResultWriter put under "results/"
    JsonNode reducerInput = mocks.invocations("Reducer").get(0).parameters().get("Payload");
    assertThat(reducerInput.get("MapRunArn").asText()).isEqualTo(result.mapRun("DistributedMap").mapRunArn());
    assertThat(reducerInput.at("/ResultWriterDetails/Bucket").asText()).isEqualTo("results-bucket");
    String manifestKey = reducerInput.at("/ResultWriterDetails/Key").asText();
    assertThat(manifestKey).startsWith("results/").endsWith("/manifest.json");
    JsonNode manifest = s3.getObjectJson("results-bucket", manifestKey);
    assertThat(manifest.get("MapRunArn").asText()).isEqualTo(result.mapRun("DistributedMap").mapRunArn());
    assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("results-bucket");
  }

  /** Scenario: the mapper crashes on the last batch, a single file: 1 of 1,001 items (< 5 %) is tolerated. */
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  @Test
  void aFailureWithinTheFivePercentToleranceIsTolerated() {
    stations(1001); // batches of 500, 500 and 1
    mocks.onLambda("Mapper").willAnswer(call -> call.parameters().at("/Payload/Items").size() == 1
        ? TaskOutcome.failure("Exception", "corrupt file")
        : Map.of("files", call.parameters().at("/Payload/Items").size()));

    ExecutionResult result = run();

    assertThat(result).succeeded().hasPath("DistributedMap", "Reducer");
    assertThat(result).mapRun("DistributedMap").succeeded().hasItemsRead(1001).hasBatches(3)
        .hasSucceededChildren(2).hasFailedChildren(1).toleratedFailures(1);
  }

  /** Scenario: the mapper crashes on a batch of 200 files (16.7 % of the items): the run fails, no reduce. */
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  @Test
  void failuresAboveTheToleranceFailTheMapRunAndSkipTheReducer() {
    stations(1200);
    mocks.onLambda("Mapper").willAnswer(call -> call.parameters().at("/Payload/Items").size() == 200
        ? TaskOutcome.failure("Exception", "corrupt file")
        : Map.of("files", 500));

    ExecutionResult result = run();

    assertThat(result).failedWith("States.ExceedToleratedFailureThreshold").didNotVisit("Reducer");
    assertThat(result).mapRun("DistributedMap").failedWith("States.ExceedToleratedFailureThreshold").hasFailedChildren(1);
    mocks.verify("Reducer").never();
  }
}
