package io.github.sfntest.distributed;

import static io.github.sfntest.distributed.DistributedMapSupport.PASS;
import static io.github.sfntest.distributed.DistributedMapSupport.distributedMap;
import static io.github.sfntest.distributed.DistributedMapSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DistributedMapReaderTest {

  private static String reader(String resource, String params, String config) {
    return "'ItemReader':{'Resource':'arn:aws:states:::s3:" + resource + "','Parameters':" + params
        + (config == null ? "" : ",'ReaderConfig':" + config) + "}";
  }

  private static final String OBJECT = "{'Bucket':'in','Key.$':'$.key'}";

  @Test
  void json_reader_gives_each_array_element_to_a_child_execution() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "items.json", "[{\"n\":1},{\"n\":2},{\"n\":3}]");
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT, "{'InputType':'JSON'}"), "P", PASS),
        "{'key':'items.json'}", s3);

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse("[{\"n\":1},{\"n\":2},{\"n\":3}]"));
    assertThat(result.mapRun("Map").itemCount()).isEqualTo(3);
    assertThat(result.mapRun("Map").children()).extracting(c -> c.input().get("n").asInt()).containsExactly(1, 2, 3);
    // The parent history has the Map Run, never the children's states.
    assertThat(result.history().types()).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_STARTED, HistoryEventType.MAP_RUN_STARTED,
        HistoryEventType.MAP_RUN_SUCCEEDED, HistoryEventType.MAP_STATE_SUCCEEDED, HistoryEventType.MAP_STATE_EXITED,
        HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(result.mapRun("Map").child(0).history().types()).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
  }

  @Test
  void jsonl_reader_reads_one_item_per_non_blank_line() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "items.jsonl", "{\"a\":1}\n\n{\"a\":2}\r\n\"text\"\n");
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT, "{'InputType':'JSONL'}"), "P", PASS),
        "{'key':'items.jsonl'}", s3);

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse("[{\"a\":1},{\"a\":2},\"text\"]"));
  }

  @Test
  void csv_reader_with_first_row_headers_keeps_quoted_delimiters() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "m.csv",
        "Content,Title,Published\nabc,\"Intro, part 1\",\"May 3, 2021\"\nxyz,\"Say \"\"hi\"\"\",Jun 1\n");
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT,
        "{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW'}"), "P", PASS), "{'key':'m.csv'}", s3);

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse(
        "[{\"Content\":\"abc\",\"Title\":\"Intro, part 1\",\"Published\":\"May 3, 2021\"},"
            + "{\"Content\":\"xyz\",\"Title\":\"Say \\\"hi\\\"\",\"Published\":\"Jun 1\"}]"));
  }

  @Test
  void csv_reader_with_given_headers_and_pipe_delimiter_fills_missing_and_drops_extra_fields() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "p.csv", "1|2|3|4\n5\n");
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT,
        "{'InputType':'CSV','CSVHeaderLocation':'GIVEN','CSVHeaders':['a','b','c'],'CSVDelimiter':'PIPE'}"), "P", PASS),
        "{'key':'p.csv'}", s3);

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse(
        "[{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"},{\"a\":\"5\",\"b\":\"\",\"c\":\"\"}]"));
  }

  @Test
  void csv_reader_rejects_duplicate_headers_with_item_reader_failed() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "d.csv", "x,y\n");
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT,
        "{'InputType':'CSV','CSVHeaderLocation':'GIVEN','CSVHeaders':['h','h']}"), "P", PASS), "{'key':'d.csv'}", s3);

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error().orElse(null)).isEqualTo("States.ItemReaderFailed");
    assertThat(result.cause().orElse(null)).isEqualTo("CSV headers cannot contain duplicates.");
    assertThat(result.history().types()).containsSubsequence(HistoryEventType.MAP_RUN_STARTED,
        HistoryEventType.MAP_RUN_FAILED, HistoryEventType.MAP_STATE_FAILED, HistoryEventType.EXECUTION_FAILED);
    assertThat(result.mapRun("Map").error()).contains("States.ItemReaderFailed");
  }

  @Test
  void manifest_reader_reads_the_rows_of_every_gzipped_inventory_file() throws IOException {
    String manifest = "{\"sourceBucket\":\"data\",\"destinationBucket\":\"arn:aws:s3:::inventory\","
        + "\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Key, Size\","
        + "\"files\":[{\"key\":\"inv/data/part-1.csv.gz\"},{\"key\":\"inv/data/part-2.csv\"}]}";
    InMemoryS3 s3 = new InMemoryS3()
        .putObject("inventory", "inv/manifest.json", manifest)
        .putObject("inventory", "inv/data/part-1.csv.gz", gzip("\"data\",\"a.txt\",\"10\"\n\"data\",\"b.txt\",\"20\"\n"))
        .putObject("inventory", "inv/data/part-2.csv", "\"data\",\"c.txt\",\"30\"\n");
    ExecutionResult result = run(distributedMap(reader("getObject", "{'Bucket':'inventory','Key':'inv/manifest.json'}",
        "{'InputType':'MANIFEST'}"), "P", PASS), "{}", s3);

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse(
        "[{\"Bucket\":\"data\",\"Key\":\"a.txt\",\"Size\":\"10\"},{\"Bucket\":\"data\",\"Key\":\"b.txt\",\"Size\":\"20\"},"
            + "{\"Bucket\":\"data\",\"Key\":\"c.txt\",\"Size\":\"30\"}]"));
  }

  @Test
  void list_objects_v2_reader_lists_the_keys_under_the_prefix_in_key_order() {
    InMemoryS3 s3 = new InMemoryS3()
        .putObject("in", "logs/b.txt", "bb")
        .putObject("in", "logs/a.txt", "a")
        .putObject("in", "other/c.txt", "ccc");
    ExecutionResult result = run(distributedMap(reader("listObjectsV2", "{'Bucket':'in','Prefix':'logs/'}", null),
        "P", PASS), "{}", s3);

    JsonNode output = result.output().orElseThrow();
    assertThat(output).hasSize(2);
    assertThat(output.get(0).get("Key").asText()).isEqualTo("logs/a.txt");
    assertThat(output.get(0).get("Size").asInt()).isEqualTo(1);
    assertThat(output.get(1).get("Key").asText()).isEqualTo("logs/b.txt");
    assertThat(output.get(1).get("Etag").asText()).startsWith("\"").hasSize(34);
    assertThat(output.get(1).get("StorageClass").asText()).isEqualTo("STANDARD");
  }

  @Test
  void max_items_stops_reading_after_that_many_items_and_zero_means_all() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "i.json", "[1,2,3,4,5]");
    String limited = distributedMap(reader("getObject", OBJECT, "{'InputType':'JSON','MaxItemsPath':'$.max'}"), "P", PASS);

    assertThat(run(limited, "{'key':'i.json','max':2}", s3).output().orElseThrow()).isEqualTo(Json.parse("[1,2]"));
    assertThat(run(limited, "{'key':'i.json','max':0}", s3).output().orElseThrow()).isEqualTo(Json.parse("[1,2,3,4,5]"));
    ExecutionResult negative = run(limited, "{'key':'i.json','max':-1}", s3);
    assertThat(negative.error().orElse(null)).isEqualTo("States.ItemReaderFailed");
    assertThat(negative.cause().orElse(null)).isEqualTo("field MaxItems must be positive");
  }

  @Test
  void json_reader_on_an_object_fails_with_item_reader_failed() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "o.json", "{\"not\":\"a list\"}");
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT, "{'InputType':'JSON'}"), "P", PASS),
        "{'key':'o.json'}", s3);

    assertThat(result.error().orElse(null)).isEqualTo("States.ItemReaderFailed");
    assertThat(result.cause().orElse(null)).isEqualTo("Attempting to map over non-iterable node.");
  }

  @Test
  void a_missing_object_fails_the_reader_and_the_error_can_be_caught() {
    InMemoryS3 s3 = new InMemoryS3().createBucket("in");
    String definition = "{'StartAt':'Map','States':{'Map':{'Type':'Map',"
        + reader("getObject", OBJECT, "{'InputType':'JSON'}") + ","
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P','States':" + PASS + "},"
        + "'Catch':[{'ErrorEquals':['States.ItemReaderFailed'],'Next':'Recovered'}],'End':true},"
        + "'Recovered':{'Type':'Pass','End':true}}}";
    ExecutionResult result = run(definition, "{'key':'nope.json'}", s3);

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().get("Error").asText()).isEqualTo("States.ItemReaderFailed");
    assertThat(result.output().orElseThrow().get("Cause").asText()).contains("NoSuchKey").contains("nope.json");
  }

  @Test
  void without_a_fixture_the_task_handler_answers_the_readers_s3_call() {
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT, "{'InputType':'CSV'}"), "P", PASS),
        "{'key':'k.csv'}", null, invocation -> {
          assertThat(invocation.stateName()).isEqualTo("Map");
          assertThat(invocation.resource()).isEqualTo("arn:aws:states:::s3:getObject");
          assertThat(invocation.parameters()).isEqualTo(Json.parse("{\"Bucket\":\"in\",\"Key\":\"k.csv\"}"));
          return TaskOutcome.success(Json.parse("{\"Body\":\"h\\n1\\n2\\n\"}"));
        });

    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse("[{\"h\":\"1\"},{\"h\":\"2\"}]"));
  }

  @Test
  void without_a_fixture_or_mock_the_execution_fails_naming_the_missing_s3_data() {
    ExecutionResult result = run(distributedMap(reader("getObject", OBJECT, "{'InputType':'JSON'}"), "P", PASS),
        "{'key':'k.json'}", null);

    assertThat(result.error().orElse(null)).isEqualTo("States.Runtime");
    assertThat(result.cause().orElse(null)).contains("no S3 fixture was given").contains("arn:aws:states:::s3:getObject");
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
