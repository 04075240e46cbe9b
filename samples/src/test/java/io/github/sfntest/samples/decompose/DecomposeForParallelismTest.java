package io.github.sfntest.samples.decompose;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Accelerating workloads using parallelism" (aws-samples app-decompose-for-parallelism): a test
 * harness that runs many simulated tests at once by fanning out nested executions. {@code main}
 * builds batches and starts one {@code distributor} per batch ({@code states:startExecution.sync:2});
 * a distributor with more than 40 tests starts copies of itself ({@code $$.StateMachine.Id}),
 * otherwise it runs each test as a {@code runner-simplewait} execution (a Wait of the test's delay)
 * and records each result with a {@code test-result-recorder} execution.
 *
 * <p>All four machines are declared on the class; every {@code startExecution} whose ARN ends in a
 * declared name runs that machine as a real child execution, with the same mocks, on the same
 * virtual clock. Only the Lambda functions and DynamoDB are mocked. The ARNs use the engine's
 * default account and region (111111111111, us-east-1), where the declared machines are deployed.
 */
@StateMachineTest(definition = "decompose-for-parallelism/main.asl.json", name = "Main",
    substitutions = {"FunctionBuildList=BuildList", "FunctionGetBatcheFromS3=GetBatchFromS3",
        "LambdaGetTestRunReport=GetTestRunReport", "TableTestRuns=TestRuns", "TableTestResults=TestResults",
        "StateMachineDistributor=arn:aws:states:us-east-1:111111111111:stateMachine:Distributor"},
    machines = {
        @StateMachine(value = "Distributor", definition = "decompose-for-parallelism/distributor.asl.json",
            substitutions = {"FunctionSplitIfRequired=SplitIfRequired",
                "StateMachineTestSimplewait=arn:aws:states:us-east-1:111111111111:stateMachine:SimpleWait",
                "StateMachineTestResultRecorder=arn:aws:states:us-east-1:111111111111:stateMachine:TestResultRecorder"}),
        @StateMachine(value = "SimpleWait", definition = "decompose-for-parallelism/runner-simplewait.asl.json"),
        @StateMachine(value = "TestResultRecorder", definition = "decompose-for-parallelism/test-result-recorder.asl.json",
            substitutions = {"LambdaGetTestResultsFromSfnStatus=GetTestResultsFromSfnStatus",
                "LambdaRecordMetricDataFunction=RecordMetricData", "ParameterInstancePrefix=decompose",
                "TableTestResults=TestResults"})})
class DecomposeForParallelismTest {

  static final ObjectMapper JSON = new ObjectMapper();

  StateMachineUnderTest main;
  @StateMachine("Distributor") StateMachineUnderTest distributor;
  @StateMachine("TestResultRecorder") StateMachineUnderTest recorder;
  MockedResponses mocks;

  /** The tests of the run, per batch, as the S3 batch files would hold them. */
  final Map<Integer, List<JsonNode>> batches = new HashMap<>();

  @BeforeEach
  void theFunctionsAndTables() {
    // like the real function: lists of more than 40 tests are split into batches of 40
    mocks.onLambda("SplitIfRequired").willAnswer(call -> {
      JsonNode payload = call.parameters().get("Payload");
      JsonNode tests = payload.get("tests-to-run");
      if (tests.size() <= 40) {
        return payload;
      }
      ObjectNode out = JSON.createObjectNode();
      out.set("test-run-id", payload.get("test-run-id"));
      ArrayNode split = out.putArray("test-batches");
      for (int from = 0, id = 0; from < tests.size(); from += 40, id++) {
        ObjectNode batch = split.addObject().put("batch_id", id);
        ArrayNode part = batch.putArray("tests-to-run");
        for (int i = from; i < Math.min(from + 40, tests.size()); i++) {
          part.add(tests.get(i));
        }
      }
      return out;
    });
    // turns a runner's DescribeExecution result (.sync:2) into the test result record
    mocks.onLambda("GetTestResultsFromSfnStatus").willAnswer(call -> {
      JsonNode run = call.parameters().get("Payload");
      JsonNode output = run.get("Output");
      long durationMs = output.at("/test-input/delay-seconds").asLong() * 1000;
      boolean ok = "SUCCEEDED".equals(run.get("Status").asText());
      return Map.of("TestStatus", run.get("Status").asText(), "TestName", "simplewait",
          "TestDurationMs", String.valueOf(durationMs), "TestSuccessMetricValue", ok ? 1 : 0,
          "Iteration", output.get("test-number").asText(), "test-run-id", output.get("test-run-id").asText(),
          "TestStartTimeEpoch", "0", "TestEndTimeEpoch", String.valueOf(durationMs));
    });
    mocks.onLambda("RecordMetricData").willReturn(Map.of("recorded", true));
    mocks.onResource("arn:aws:states:::dynamodb:putItem").willReturn("{}");
    mocks.onLambda("BuildList").willAnswer(call -> Map.of("batch_index", List.copyOf(batches.keySet()),
        "s3_bucket", "test-batches", "s3_key", "run.json"));
    mocks.onLambda("GetBatchFromS3").willAnswer(call -> {
      int id = call.parameters().at("/Payload/batch_id").asInt();
      return Map.of("batchnumber", id, "tests-to-run", batches.get(id));
    });
  }

  static JsonNode test(int number, Integer delaySeconds) {
    ObjectNode t = JSON.createObjectNode().put("test-number", number);
    ObjectNode input = t.putObject("test-input");
    if (delaySeconds != null) {
      input.put("delay-seconds", delaySeconds);
    }
    return t;
  }

  static String distributorInput(List<JsonNode> tests) {
    ObjectNode in = JSON.createObjectNode().put("test-run-id", "run-1");
    in.putArray("tests-to-run").addAll(tests);
    return in.toString();
  }

  /**
   * Scenario: a batch of two tests (3 s, and the default 5 s). Each runs in its own runner
   * execution, in parallel, then its result is recorded by a recorder execution: 4 children, 5 s.
   */
  @Test
  void distributorRunsEveryTestInItsOwnChildExecutionAndRecordsItsResult() {
    ExecutionResult result = distributor.start(StartRequest.of(distributor.definition(),
            distributorInput(List.of(test(1, 3), test(2, null)))).withExecutionName("batch0"))
        .awaitCompletion();

    assertThat(result).succeeded().visitedInOrder("ProcessPayload", "RecurseIfRequired", "RunTests")
        .didNotVisit("RecurseToMoreDistributors")
        .took(Duration.ofSeconds(5)); // the Map runs both tests at once (MaxConcurrency 0)
    assertThat(result).state("RunTests").hasIterations(2).allIterationsSucceeded()
        // RecordResults' ResultSelector reads $$ of the distributor: its own execution name
        .hasIterationOutputs("{\"ExecName\": \"batch0\"}", "{\"ExecName\": \"batch0\"}");
    assertThat(result).state("RunTestStateMachine").startedChildExecutions(1);

    List<ExecutionResult> children = result.childExecutions();
    assertThat(children).hasSize(4);
    assertThat(children).extracting(ExecutionResult::stateMachineName)
        .containsExactlyInAnyOrder("SimpleWait", "SimpleWait", "TestResultRecorder", "TestResultRecorder");
    assertThat(children).extracting(ExecutionResult::executionArn)
        .contains("arn:aws:states:us-east-1:111111111111:execution:SimpleWait:batch0_test1",
            "arn:aws:states:us-east-1:111111111111:execution:SimpleWait:batch0_test2");
    ExecutionResult defaultDelay = children.stream()
        .filter(c -> c.executionArn().endsWith("SimpleWait:batch0_test2")).findFirst().orElseThrow();
    assertThat(defaultDelay).succeeded().hasPath("VerifyInput", "GenerateDefaultTestInput", "RunTest")
        .took(Duration.ofSeconds(5))
        .hasOutputContaining("{\"test-number\": 2, \"test-run-id\": \"run-1\", \"test-input\": {\"delay-seconds\": 5}}");
    // the runner's parent is named in its input, as the sample passes it
    assertThat(defaultDelay.input().get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText())
        .isEqualTo(result.executionArn());
    for (ExecutionResult recorded : children.stream().filter(c -> c.stateMachineName().equals("TestResultRecorder")).toList()) {
      assertThat(recorded).succeeded().hasOutput("\"Done\"")
          .visitedInOrder("HandleInput", "ConfirmRequiredData", "WasSuccessOrFailure", "RecordTestRun-DurationMetric",
              "RecordTestRun-StatusMetric", "RecordTestRun-DynamoDB", "ClearResults");
    }
    mocks.verify("RecordTestRun-DynamoDB").times(2);
  }

  /** Scenario: 45 tests; the distributor starts two copies of itself (40 + 5 tests), each running its tests. */
  @Test
  void distributorRecursesIntoCopiesOfItselfForMoreThanFortyTests() {
    List<JsonNode> tests = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      tests.add(test(i, i % 10 + 1));
    }

    ExecutionResult result = distributor.start(StartRequest.of(distributor.definition(), distributorInput(tests))
        .withExecutionName("run")).awaitCompletion();

    assertThat(result).succeeded().visitedInOrder("ProcessPayload", "RecurseIfRequired", "RecurseToMoreDistributors")
        .didNotVisit("RunTests")
        .took(Duration.ofSeconds(10)); // the longest test, everything else in parallel
    assertThat(result).state("RecurseToMoreDistributors").hasIterations(2)
        .hasIterationOutputs("{\"ExecName\": \"run\"}", "{\"ExecName\": \"run\"}");
    assertThat(result.childExecutions()).extracting(ExecutionResult::executionArn).containsExactly(
        "arn:aws:states:us-east-1:111111111111:execution:Distributor:run_0",
        "arn:aws:states:us-east-1:111111111111:execution:Distributor:run_1");
    assertThat(result.childExecutions().get(0)).succeeded().state("RunTests").hasIterations(40);
    assertThat(result.childExecutions().get(1)).succeeded().state("RunTests").hasIterations(5);
    assertThat(result.childExecutions().get(1).childExecutions()).hasSize(10);
    mocks.verify("HandleInput").times(45);
  }

  /**
   * Scenario: the whole run from main: two batches of two tests. The run is recorded as started
   * and completed in DynamoDB and main returns the report.
   */
  @Test
  void mainRunsEveryBatchThroughADistributorAndReturnsTheReport() {
    batches.put(0, List.of(test(1, 2), test(2, 4)));
    batches.put(1, List.of(test(3, 6), test(4, 1)));
    mocks.onLambda("GetTestRunReport").willReturn(Map.of("summary", Map.of("test_count", 4, "failed", 0)));

    ExecutionResult result = main.start(StartRequest.of(main.definition(), "{\"iteration_count\": 2}")
        .withExecutionName("nightly")).awaitCompletion();

    assertThat(result).succeeded()
        .visitedInOrder("VerifyInput", "RecordTestRunStart", "BuildBatches", "RunTests", "GetTestRunReport", "RecordTestRunComplete")
        .didNotVisit("GenerateDefaultInput")
        .hasOutput("{\"summary\": {\"test_count\": 4, \"failed\": 0}}") // OutputPath: the report's payload
        .took(Duration.ofSeconds(6));
    assertThat(result).state("RunTests").hasIterations(2).hasIterationOutputs("\"Done\"", "\"Done\"");
    assertThat(result.childExecutions()).extracting(ExecutionResult::executionArn).containsExactly(
        "arn:aws:states:us-east-1:111111111111:execution:Distributor:nightly_batch0",
        "arn:aws:states:us-east-1:111111111111:execution:Distributor:nightly_batch1");
    assertThat(result.childExecutions()).allSatisfy(d -> assertThat(d).succeeded());
    // context object (timestamps with milliseconds, as AWS writes them) and intrinsics in the DynamoDB records
    assertThat(result).state("RecordTestRunStart").wasScheduledWith("""
        {"TableName": "TestRuns", "Item": {"TestRunId": {"S": "%s"}, "Status": {"S": "Started"},
          "StartTime": {"S": "2024-01-01T00:00:00.000Z"}, "EndTime": {"S": ""}, "IterationCount": {"N": "2"}}}"""
        .formatted(result.executionArn()));
    assertThat(result).state("RecordTestRunComplete").wasScheduledWithContaining("""
        {"Item": {"Status": {"S": "Complete"}, "EndTime": {"S": "2024-01-01T00:00:06.000Z"}, "IterationCount": {"N": "4"}}}""");
    // "$$.Execution.Name " (trailing space, as upstream) still reads the execution name
    assertThat(result).state("BuildBatches").wasScheduledWithContaining(
        "{\"Payload\": {\"iteration_count\": 2, \"execution_name\": \"nightly\"}}");
  }

  /** Scenario: no iteration count given; main defaults it to 1. */
  @Test
  void mainDefaultsTheIterationCount() {
    batches.put(0, List.of(test(1, 1)));
    mocks.onLambda("GetTestRunReport").willReturn(Map.of("summary", Map.of("test_count", 1)));

    ExecutionResult result = main.run("{\"iteration_count\": \"lots\"}");

    assertThat(result).succeeded().visitedInOrder("VerifyInput", "GenerateDefaultInput", "RecordTestRunStart");
    assertThat(result).state("BuildBatches").wasScheduledWithContaining("{\"Payload\": {\"iteration_count\": 1}}");
  }

  /** Scenario: a test result without a name cannot be recorded; the recorder fails with InvalidResults. */
  @Test
  void recorderRejectsResultsWithMissingData() {
    mocks.onLambda("GetTestResultsFromSfnStatus").willReturn(Map.of("TestStatus", "SUCCEEDED", "TestName", ""));

    ExecutionResult result = recorder.run("{\"Status\": \"SUCCEEDED\"}");

    assertThat(result).failedWith("InvalidResults", "Missing required data from test results")
        .hasPath("HandleInput", "ConfirmRequiredData", "InvalidInput");
    mocks.verify("RecordTestRun-DynamoDB").never();
  }

  /**
   * Scenario: CloudWatch refuses the duration metric. It is retried 3 times (1, 2, 4 s), then the
   * catcher records the error at $.errors.duration_metric and the result is still stored.
   */
  @Test
  void recorderStoresTheResultEvenWhenAMetricCannotBeRecorded() {
    mocks.onLambda("GetTestResultsFromSfnStatus").willReturn(Map.of("TestStatus", "SUCCEEDED", "TestName", "simplewait",
        "TestDurationMs", "3000", "TestSuccessMetricValue", 1, "Iteration", "7", "test-run-id", "run-1",
        "TestStartTimeEpoch", "0", "TestEndTimeEpoch", "3000"));
    mocks.onState("RecordTestRun-DurationMetric").willThrow("CloudWatch.LimitExceeded", "throttled");

    ExecutionResult result = recorder.run("{\"Status\": \"SUCCEEDED\"}");

    assertThat(result).succeeded().hasOutput("\"Done\"").took(Duration.ofSeconds(1 + 2 + 4));
    assertThat(result).state("RecordTestRun-DurationMetric").wasRetried(3)
        .failedWith("CloudWatch.LimitExceeded", "throttled").wasCaughtBy("RecordTestRun-StatusMetric");
    assertThat(Timeline.gaps(result, "RecordTestRun-DurationMetric", TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(result).state("RecordTestRun-StatusMetric").hasInputContaining(
        "{\"errors\": {\"duration_metric\": {\"Error\": \"CloudWatch.LimitExceeded\", \"Cause\": \"throttled\"}}}");
    assertThat(result).state("RecordTestRun-DynamoDB").wasScheduledWith("""
        {"TableName": "TestResults", "Item": {"TestId": {"S": "7"}, "TestRunId": {"S": "run-1"}, "TestName": {"S": "simplewait"},
          "TestStartTimeEpoch": {"N": "0"}, "TestEndTimeEpoch": {"N": "3000"}, "TestDurationMs": {"N": "3000"},
          "TestStatus": {"S": "SUCCEEDED"}}}""");
  }
}
