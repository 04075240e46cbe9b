package io.github.sfntest.samples.distributedmap;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.junit.RequiresCapability;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "distributed-map-csv-iterator" (step-functions-workflows-collection): a Distributed Map reads a
 * CSV file of video metrics from S3 ({@code ItemReader} s3:getObject, header in the first row) and,
 * for each row, starts a child state machine (async {@code states:startExecution}) that stores the
 * row in DynamoDB.
 *
 * <p>The CSV file of the sample is uploaded to an {@link InMemoryS3} bucket the Map reads; the child
 * machine is declared on the class, so each start runs it for real.
 */
@StateMachineTest(definition = "distributed-map-s3-csv/csv-iterator-parent.asl.json", name = "CsvIterator",
    substitutions = {"CSVBucket=csv-bucket",
        "ChildStateMachine=arn:aws:states:us-east-1:111111111111:stateMachine:CsvChild"},
    machines = @StateMachine(value = "CsvChild", definition = "distributed-map-s3-csv/csv-iterator-child.asl.json",
        substitutions = "MetadataTable=VideoMetadata"))
class CsvIteratorTest {

  static final String CHILD_STARTS_BUG = "engine bug: a states:startExecution task inside a Distributed Map's child"
      + " executions is not routed to the declared (deployed) state machine: the map-run children are created without the"
      + " engine's child-execution starter, so the task fails with States.Runtime 'No mock answers'; on AWS it starts CsvChild";

  StateMachineUnderTest csvIterator;
  @StateMachine("CsvChild") StateMachineUnderTest csvChild;
  MockedResponses mocks;
  final InMemoryS3 s3 = new InMemoryS3();

  @BeforeEach
  void theCsvFileAndTheTable() {
    s3.putObject("csv-bucket", "metrics.csv", TestResource.read("distributed-map-s3-csv/metrics.csv", "CSV file").text());
    mocks.onState("Add Item").willReturn("{}");
  }

  ExecutionResult run() {
    return csvIterator.start(StartRequest.of(csvIterator.definition(), "{}").withS3(s3)).awaitCompletion();
  }

  /** Scenario: the four videos of metrics.csv each get a child execution that stores them. */
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  @Test
  void everyCsvRowStartsAChildThatStoresIt() {
    ExecutionResult result = run();

    assertThat(result).succeeded();
    assertThat(result).mapRun("Map").succeeded().hasItemsRead(4).hasChildren(4).hasSucceededChildren(4);
    MapRunResult mapRun = result.mapRun("Map");
    // each Map child started one CsvChild execution, which received the row and the parent's id
    List<ExecutionResult> stored = mapRun.children().stream().flatMap(c -> c.childExecutions().stream()).toList();
    assertThat(stored).hasSize(4).allSatisfy(child -> {
      assertThat(child).succeeded().hasPath("Add Item");
      assertThat(child.stateMachineName()).isEqualTo("CsvChild");
      assertThat(child.input().get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText()).isNotEmpty();
    });
    // the CSV reader keeps the quoted comma and gives every value as a string
    mocks.verify("Add Item").times(4).withParameters("""
        {"TableName": "VideoMetadata",
         "Item": {"id": {"S": "1wNb_RMvI9E"},
                  "VideoPublishTime": {"S": "May 3, 2021"},
                  "VideoTitle": {"S": "QUE ES AWS LAMBDA? INTRODUCCION EN ESPAÑOL A SERVERLESS EN AWS"},
                  "Views": {"N": "24993"}}}""");
    assertThat(stored.get(0).input().get("StatePayload")).isNotNull();
    // no ResultWriter: the Map's output is the iterations' outputs, here the async start results
    assertThat(result.output().orElseThrow()).hasSize(4);
    assertThat(result.output().orElseThrow().get(0).get("ExecutionArn").asText())
        .startsWith("arn:aws:states:us-east-1:111111111111:execution:CsvChild:");
  }

  /**
   * Scenario: DynamoDB rejects one row. The children are started asynchronously (no .sync), so the
   * parent does not wait for them and still succeeds: the failure is only visible in that child.
   */
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  @Test
  void aFailedStoreDoesNotFailTheParentBecauseChildrenAreFireAndForget() {
    mocks.onState("Add Item").willAnswer(call -> call.parameters().at("/Item/id/S").asText().equals("Z_GAa9WToMM")
        ? TaskOutcome.failure("DynamoDB.ProvisionedThroughputExceededException", "slow down")
        : Map.of());

    ExecutionResult result = run();

    assertThat(result).succeeded();
    assertThat(result).mapRun("Map").hasSucceededChildren(4).hasFailedChildren(0);
    List<ExecutionResult> stored = result.mapRun("Map").children().stream().flatMap(c -> c.childExecutions().stream()).toList();
    assertThat(stored).filteredOn(c -> c.error().isPresent()).singleElement()
        .satisfies(failed -> assertThat(failed).failedWith("DynamoDB.ProvisionedThroughputExceededException", "slow down"));
  }

  /**
   * Scenario: the four videos of metrics.csv, with the child start mocked (the way to test the
   * parent on its own): each row reaches the starter as an object keyed by the header, values as
   * strings, the quoted comma kept, and the parent's execution id passed on.
   */
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  @Test
  void everyCsvRowIsHandedToTheChildStarter() {
    mocks.onState("Start Child Step Function").willAnswer(call -> IntegrationResults.stepFunctionsStartExecution("arn:aws:states:us-east-1:111111111111:execution:CsvChild:"
            + call.parameters().at("/Input/StatePayload/Content").asText(), "2024-01-01T00:00:00.000Z"));

    ExecutionResult result = run();

    assertThat(result).succeeded();
    assertThat(result).mapRun("Map").succeeded().hasItemsRead(4).hasChildren(4).hasSucceededChildren(4);
    mocks.verify("Start Child Step Function").times(4);
    assertThat(mocks.invocations("Start Child Step Function")).anySatisfy(call -> assertThat(call.parameters().at("/Input/StatePayload"))
        .isEqualTo(json("""
            {"Content": "1wNb_RMvI9E", "VideoTitle": "QUE ES AWS LAMBDA? INTRODUCCION EN ESPAÑOL A SERVERLESS EN AWS",
             "VideoPublishTime": "May 3, 2021", "Views": "24993"}""")));
    // $$.Execution.Id in a Distributed Map's item processor is that item's own child execution, not the parent
    List<String> mapChildren = result.mapRun("Map").children().stream().map(ExecutionResult::executionArn).toList();
    assertThat(mocks.invocations("Start Child Step Function")).allSatisfy(call -> {
      String startedBy = call.parameters().at("/Input/AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText();
      assertThat(startedBy).isEqualTo(call.executionArn()).isIn(mapChildren).isNotEqualTo(result.executionArn());
      assertThat(call.parameters().get("StateMachineArn").asText())
          .isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:CsvChild");
    });
    assertThat(mocks.invocations("Start Child Step Function"))
        .extracting(call -> call.parameters().at("/Input/StatePayload/Content").asText())
        .containsExactlyInAnyOrder("1wNb_RMvI9E", "xIy0KVMOHHw", "Z_GAa9WToMM", "Zvdf_P5pJis");
    // no ResultWriter: the Map's output is the iterations' outputs, here the start results
    assertThat(result.output().orElseThrow()).hasSize(4);
    mocks.verify("Add Item").never();
  }

  /** Scenario: the child alone stores one row in DynamoDB, Views as a number attribute. */
  @Test
  void childStoresARowInDynamoDb() {
    ExecutionResult result = csvChild.run("""
        {"StatePayload": {"Content": "Z_GAa9WToMM", "VideoTitle": "INTRODUCCION A AWS SAM",
                          "VideoPublishTime": "May 17, 2021", "Views": "9631"},
         "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": "arn:aws:states:us-east-1:111111111111:execution:CsvIterator:x"}""");

    assertThat(result).succeeded().hasPath("Add Item").hasOutputContaining("{\"result\": {}}");
    assertThat(result).state("Add Item").wasScheduledWith("""
        {"TableName": "VideoMetadata",
         "Item": {"id": {"S": "Z_GAa9WToMM"}, "VideoPublishTime": {"S": "May 17, 2021"},
                  "VideoTitle": {"S": "INTRODUCCION A AWS SAM"}, "Views": {"N": "9631"}}}""");
  }

  /** Scenario: the CSV file was never uploaded; the reader fails and so does the execution. */
  @Test
  void missingCsvFileFailsTheItemReader() {
    InMemoryS3 empty = new InMemoryS3().createBucket("csv-bucket");

    ExecutionResult result = csvIterator.start(StartRequest.of(csvIterator.definition(), "{}").withS3(empty)).awaitCompletion();

    assertThat(result).failedWith("States.ItemReaderFailed");
    mocks.verify("Add Item").never();
  }

  static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
