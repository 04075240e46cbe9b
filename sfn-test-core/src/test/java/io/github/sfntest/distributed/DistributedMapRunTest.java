package io.github.sfntest.distributed;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.distributed.DistributedMapSupport.FAIL_WHEN_ASKED;
import static io.github.sfntest.distributed.DistributedMapSupport.PASS;
import static io.github.sfntest.distributed.DistributedMapSupport.distributedMap;
import static io.github.sfntest.distributed.DistributedMapSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.s3.InMemoryS3;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DistributedMapRunTest {

  /** {"fail": true/false} items, {@code failing} of them failing, the failing ones first. */
  private static String items(int total, int failing) {
    StringBuilder out = new StringBuilder("{'items':[");
    for (int i = 0; i < total; i++) {
      out.append(i == 0 ? "" : ",").append("{'i':").append(i).append(",'fail':").append(i < failing).append('}');
    }
    return out.append("]}").toString();
  }

  private static String tolerant(String toleranceFields) {
    return distributedMap("'ItemsPath':'$.items','MaxConcurrency':1" + toleranceFields, "Check", FAIL_WHEN_ASKED);
  }

  // --- batching ------------------------------------------------------------------------------

  @Test
  void max_items_per_batch_splits_items_into_batches_that_carry_the_batch_input() {
    ExecutionResult result = run(distributedMap("'ItemsPath':'$.items','ItemBatcher':{'MaxItemsPerBatch':2,"
        + "'BatchInput':{'job.$':'$.job'}}", "P", PASS), "{'job':'j1','items':[1,2,3,4,5]}", null);

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse(
        "[{\"BatchInput\":{\"job\":\"j1\"},\"Items\":[1,2]},{\"BatchInput\":{\"job\":\"j1\"},\"Items\":[3,4]},"
            + "{\"BatchInput\":{\"job\":\"j1\"},\"Items\":[5]}]"));
    assertThat(result).mapRun("Map").succeeded().hasItemsRead(5).hasBatches(3).hasChildren(3);
  }

  @Test
  void max_input_bytes_per_batch_keeps_a_batch_exactly_at_the_limit_and_closes_it_one_byte_over() {
    // {"Items":["aaaa","bbbb"]} is 25 bytes; each item is 6 bytes, plus 1 for the comma.
    String input = "{'items':['aaaa','bbbb','cccc']}";
    ExecutionResult atLimit = run(distributedMap("'ItemsPath':'$.items','ItemBatcher':{'MaxInputBytesPerBatch':25}",
        "P", PASS), input, null);
    ExecutionResult belowLimit = run(distributedMap("'ItemsPath':'$.items','ItemBatcher':{'MaxInputBytesPerBatch':24}",
        "P", PASS), input, null);

    assertThat(atLimit.output().orElseThrow()).isEqualTo(Json.parse(
        "[{\"Items\":[\"aaaa\",\"bbbb\"]},{\"Items\":[\"cccc\"]}]"));
    assertThat(Json.write(atLimit.mapRun("Map").child(0).input())).hasSize(25);
    assertThat(belowLimit.mapRun("Map").batchCount()).isEqualTo(3);
  }

  @Test
  void an_item_bigger_than_max_input_bytes_per_batch_fails_the_map_run() {
    ExecutionResult result = run(distributedMap("'ItemsPath':'$.items','ItemBatcher':{'MaxInputBytesPerBatch':15}",
        "P", PASS), "{'items':['a-long-item-value']}", null);

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.cause().orElse(null)).contains("MaxInputBytesPerBatch (15 bytes)");
    assertThat(result).mapRun("Map").hasStatus(ExecutionStatus.FAILED);
  }

  @Test
  void batch_sizes_can_come_from_paths_holding_numeric_strings() {
    ExecutionResult result = run(distributedMap("'ItemsPath':'$.items','ItemBatcher':{'MaxItemsPerBatchPath':'$.n'}",
        "P", PASS), "{'n':'3','items':[1,2,3,4]}", null);

    assertThat(result).mapRun("Map").hasBatches(2);
  }

  // --- tolerated failures ----------------------------------------------------------------------

  @Test
  void without_a_threshold_the_first_failed_child_fails_the_map_run() {
    ExecutionResult result = run(tolerant(""), items(3, 1), null);

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error().orElse(null)).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(result).mapRun("Map").failedWith("States.ExceedToleratedFailureThreshold").hasFailedChildren(1)
        .hasChildren(1);
    assertThat(result.history().types()).containsSubsequence(HistoryEventType.MAP_RUN_FAILED,
        HistoryEventType.MAP_STATE_FAILED, HistoryEventType.EXECUTION_FAILED);
  }

  @Test
  void tolerated_failure_count_exactly_at_the_limit_succeeds() {
    ExecutionResult result = run(tolerant(",'ToleratedFailureCount':2"), items(5, 2), null);

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result).mapRun("Map").toleratedFailures(2).hasSucceededChildren(3).hasFailedChildren(2);
    // A tolerated failed child appears in the output as its execution record.
    JsonNode failed = result.output().orElseThrow().get(0);
    assertThat(failed.get("Status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("Error").asText()).isEqualTo("Bad");
    assertThat(failed.get("Cause").asText()).isEqualTo("asked to fail");
    assertThat(result.output().orElseThrow().get(2)).isEqualTo(Json.parse("{\"i\":2,\"fail\":false}"));
  }

  @Test
  void tolerated_failure_count_just_over_the_limit_fails() {
    ExecutionResult result = run(tolerant(",'ToleratedFailureCount':2"), items(5, 3), null);

    assertThat(result.error().orElse(null)).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(result).mapRun("Map").hasFailedChildren(3);
  }

  @Test
  void tolerated_failure_percentage_exactly_at_the_limit_succeeds_and_just_over_fails() {
    // 1 of 4 items is 25 %.
    assertThat(run(tolerant(",'ToleratedFailurePercentage':25"), items(4, 1), null).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run(tolerant(",'ToleratedFailurePercentage':24.9"), items(4, 1), null).error().orElse(null))
        .isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(run(tolerant(",'ToleratedFailurePercentagePath':'$.p'"), items(4, 2).replace("{'items'", "{'p':50,'items'"),
        null).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void with_both_thresholds_exceeding_either_fails_the_run() {
    // 2 of 10 failures: within 50 %, but over a count of 1.
    ExecutionResult result = run(tolerant(",'ToleratedFailureCount':1,'ToleratedFailurePercentage':50"), items(10, 2),
        null);

    assertThat(result.error().orElse(null)).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void a_failed_batch_counts_every_item_in_it() {
    String definition = distributedMap("'ItemsPath':'$.items','MaxConcurrency':1,'ToleratedFailureCount':1,"
        + "'ItemBatcher':{'MaxItemsPerBatch':2}", "Fail", "{'Fail':{'Type':'Fail','Error':'Bad'}}");

    ExecutionResult result = run(definition, "{'items':[1,2,3]}", null);

    assertThat(result.error().orElse(null)).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(result.mapRun("Map").failedItemCount()).isEqualTo(2);
  }

  @Test
  void an_invalid_tolerated_failure_percentage_is_a_runtime_error_of_the_state() {
    ExecutionResult result = run(tolerant(",'ToleratedFailurePercentagePath':'$.p'"),
        items(1, 0).replace("{'items'", "{'p':101,'items'"), null);

    assertThat(result.error().orElse(null)).isEqualTo("States.Runtime");
    assertThat(result.cause().orElse(null)).endsWith("ToleratedFailurePercentage must be between 0 and 100.");
    assertThat(result.history().types()).doesNotContain(HistoryEventType.MAP_RUN_STARTED);
  }

  // --- children and concurrency ----------------------------------------------------------------

  @Test
  void each_child_is_its_own_execution_with_its_own_context() {
    String definition = distributedMap("'ItemsPath':'$.items','Label':'Rows'", "Ctx",
        "{'Ctx':{'Type':'Pass','Parameters':{'id.$':'$$.Execution.Id','input.$':'$$.Execution.Input'},'End':true}}");
    ExecutionResult result = run(definition, "{'items':['a','b']}", null);

    MapRunResult mapRun = result.mapRun("Map");
    assertThat(mapRun.mapRunArn()).startsWith("arn:aws:states:us-east-1:111111111111:mapRun:dmap/Rows:");
    assertThat(mapRun.label()).contains("Rows");
    JsonNode first = result.output().orElseThrow().get(0);
    assertThat(first.get("id").asText()).isEqualTo(mapRun.child(0).executionArn()).contains(":execution:dmap/Rows:");
    assertThat(first.get("input").asText()).isEqualTo("a");
    assertThat(result.history().ofType(HistoryEventType.MAP_RUN_STARTED).get(0).detail("mapRunArn"))
        .contains(mapRun.mapRunArn());
  }

  @Test
  void max_concurrency_limits_how_many_children_run_at_once_in_virtual_time() {
    String waiting = "{'W':{'Type':'Wait','Seconds':10,'End':true}}";
    ExecutionResult two = run(distributedMap("'ItemsPath':'$.items','MaxConcurrency':2", "W", waiting),
        "{'items':[1,2,3,4,5]}", null);
    ExecutionResult unlimited = run(distributedMap("'ItemsPath':'$.items'", "W", waiting), "{'items':[1,2,3,4,5]}", null);

    assertThat(two.elapsed()).isEqualTo(Duration.ofSeconds(30));
    assertThat(unlimited.elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(two.mapRun("Map").maxConcurrency()).isEqualTo(2);
    assertThat(unlimited.mapRun("Map").maxConcurrency()).isEqualTo(10_000);
  }

  @Test
  void nested_distributed_maps_keep_their_map_runs_on_the_child_results() {
    String inner = "{'Inner':{'Type':'Map','ItemsPath':'$.sub','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
        + "'ExecutionType':'EXPRESS'},'StartAt':'P','States':" + PASS + "},'End':true}}";
    ExecutionResult result = run(distributedMap("'ItemsPath':'$.outer'", "Inner", inner),
        "{'outer':[{'sub':[1,2]},{'sub':[3]}]}", null);

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse("[[1,2],[3]]"));
    assertThat(result.mapRun("Map").child(0).mapRun("Inner").children()).hasSize(2);
    assertThat(result.mapRun("Map").child(0).mapRun("Inner").executionType()).isEqualTo("EXPRESS");
  }

  @Test
  void reruns_give_identical_arns_and_histories() {
    String definition = distributedMap("'ItemsPath':'$.items'", "P", PASS);
    ExecutionResult first = run(definition, "{'items':[1,2]}", null);
    ExecutionResult second = run(definition, "{'items':[1,2]}", null);

    assertThat(second.mapRun("Map").mapRunArn()).isEqualTo(first.mapRun("Map").mapRunArn());
    assertThat(second.mapRun("Map").child(1).executionArn()).isEqualTo(first.mapRun("Map").child(1).executionArn());
    assertThat(second.history().toJson()).isEqualTo(first.history().toJson());
  }

  // --- result writer ---------------------------------------------------------------------------

  @Test
  void result_writer_writes_manifest_and_result_files_and_returns_their_location() {
    InMemoryS3 s3 = new InMemoryS3();
    String definition = distributedMap("'ItemsPath':'$.items','ToleratedFailureCount':1,"
        + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out','Prefix':'runs'}}",
        "Check", FAIL_WHEN_ASKED);
    ExecutionResult result = run(definition, items(3, 1), s3);

    String runId = result.mapRun("Map").mapRunArn().substring(result.mapRun("Map").mapRunArn().lastIndexOf(':') + 1);
    JsonNode output = result.output().orElseThrow();
    assertThat(output.get("MapRunArn").asText()).isEqualTo(result.mapRun("Map").mapRunArn());
    assertThat(output.get("ResultWriterDetails")).isEqualTo(Json.parse(
        "{\"Bucket\":\"out\",\"Key\":\"runs/" + runId + "/manifest.json\"}"));
    assertThat(result.mapRun("Map").resultWriterDetails()).contains(output.get("ResultWriterDetails"));

    JsonNode manifest = s3.getObjectJson("out", "runs/" + runId + "/manifest.json");
    assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out");
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()).isEqualTo("runs/" + runId + "/SUCCEEDED_0.json");
    assertThat(manifest.at("/ResultFiles/FAILED/0/Key").asText()).isEqualTo("runs/" + runId + "/FAILED_0.json");
    JsonNode succeeded = s3.getObjectJson("out", "runs/" + runId + "/SUCCEEDED_0.json");
    assertThat(succeeded).hasSize(2);
    assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(succeeded.get(0).get("Output").asText())).isEqualTo(Json.parse("{\"i\":1,\"fail\":false}"));
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asInt())
        .isEqualTo(s3.getObject("out", "runs/" + runId + "/SUCCEEDED_0.json").orElseThrow().size());
    JsonNode failed = s3.getObjectJson("out", "runs/" + runId + "/FAILED_0.json");
    assertThat(failed.get(0).get("Error").asText()).isEqualTo("Bad");
  }

  @Test
  void writer_config_flatten_with_jsonl_writes_one_flattened_output_per_line() {
    InMemoryS3 s3 = new InMemoryS3();
    String definition = distributedMap("'ItemsPath':'$.items','ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
        + "'Parameters':{'Bucket':'out','Prefix':''},'WriterConfig':{'Transformation':'FLATTEN','OutputType':'JSONL'}}",
        "P", PASS);
    ExecutionResult result = run(definition, "{'items':[[1,2],[3]]}", s3);

    String key = result.output().orElseThrow().at("/ResultWriterDetails/Key").asText();
    String dir = key.substring(0, key.lastIndexOf('/') + 1);
    assertThat(s3.getObjectText("out", dir + "SUCCEEDED_0.jsonl")).isEqualTo("1\n2\n3\n");
  }

  @Test
  void writer_config_alone_shapes_the_state_output_without_writing() {
    String definition = distributedMap("'ItemsPath':'$.items','ResultWriter':{'WriterConfig':{'Transformation':'NONE',"
        + "'OutputType':'JSON'}}", "P", PASS);
    ExecutionResult result = run(definition, "{'items':['x']}", null);

    JsonNode record = result.output().orElseThrow().get(0);
    assertThat(record.get("Output").asText()).isEqualTo("\"x\"");
    assertThat(record.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(record.get("ExecutionArn").asText()).isEqualTo(result.mapRun("Map").child(0).executionArn());
  }
}
