package io.github.sfntest.teststate;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.testing.StateTester;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class StateTesterTest {

  private static final String MACHINE = """
      {"StartAt": "Route", "States": {
        "Route": {"Type": "Choice", "Choices": [
            {"Variable": "$.tier", "StringEquals": "gold", "Next": "Express"}],
          "Default": "Standard"},
        "Express": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "ship", "Payload.$": "$"},
          "ResultSelector": {"tracking.$": "$.Payload.id"}, "ResultPath": "$.shipment",
          "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 3}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Standard"}],
          "Next": "Done"},
        "Standard": {"Type": "Pass", "End": true},
        "Done": {"Type": "Map", "ItemsPath": "$.items",
          "ItemProcessor": {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
            "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}}, "End": true}}}
      """;

  private static TestStateRequest.Builder state(String name) {
    return TestStateRequest.builder().definition(MACHINE).stateName(name);
  }

  @Test
  void a_choice_goes_where_its_rules_say() {
    assertThat(StateTester.test(state("Route").input("{\"tier\": \"gold\"}").build()))
        .succeeded().goesTo("Express").hasOutput("{\"tier\": \"gold\"}");
    assertThat(StateTester.test(state("Route").input("{\"tier\": \"tin\"}").build())).goesTo("Standard");
  }

  @Test
  void a_mocked_task_reports_every_processing_step_at_debug() {
    TestStateResult result = StateTester.test(state("Express").input("{\"tier\": \"gold\"}")
        .mockResult("{\"Payload\": {\"id\": \"T-1\"}}").inspectionLevel(InspectionLevel.DEBUG).build());
    assertThat(result).succeeded().goesTo("Done")
        .hasOutput("{\"tier\": \"gold\", \"shipment\": {\"tracking\": \"T-1\"}}")
        .inspection()
        .hasAfterInputPath("{\"tier\": \"gold\"}")
        .hasAfterParameters("{\"FunctionName\": \"ship\", \"Payload\": {\"tier\": \"gold\"}}")
        .hasResult("{\"Payload\": {\"id\": \"T-1\"}}")
        .hasAfterResultSelector("{\"tracking\": \"T-1\"}");
  }

  @Test
  void a_matching_retrier_with_attempts_left_makes_the_state_retriable_with_its_backoff() {
    TestStateResult result = StateTester.test(state("Express").mockError("Lambda.TooManyRequestsException", "slow down")
        .retrierRetryCount(2).inspectionLevel(InspectionLevel.DEBUG).build());
    assertThat(result).isRetriable().hasError("Lambda.TooManyRequestsException").inspection().wouldRetryWith(0, 8);
    Assertions.assertThat(result.output()).isEmpty();
  }

  @Test
  void an_exhausted_retrier_lets_the_catcher_take_the_error() {
    TestStateResult result = StateTester.test(state("Express").input("{}")
        .mockError("Lambda.TooManyRequestsException", "slow down").retrierRetryCount(3)
        .inspectionLevel(InspectionLevel.DEBUG).build());
    assertThat(result).caughtError().goesTo("Standard")
        .hasOutput("{\"error\": {\"Error\": \"Lambda.TooManyRequestsException\", \"Cause\": \"slow down\"}}")
        .inspection().caughtBy(0);
  }

  @Test
  void a_map_runs_its_real_iterations_in_process_when_asked() {
    TestStateResult result = StateTester.test(state("Done").input("{\"items\": [1, 2]}").runChildren(true).build());
    assertThat(result).succeeded().ends().hasOutput("[{\"v\": 2}, {\"v\": 4}]");
  }

  @Test
  void a_task_handler_answers_an_unmocked_task() {
    TestStateResult result = StateTester.test(state("Express").input("{}")
        .taskHandler(call -> TaskOutcome.success(io.github.sfntest.internal.json.Json.parse(
            "{\"Payload\": {\"id\": \"" + call.stateName() + "\"}}")))
        .build());
    assertThat(result).succeeded().hasOutputContaining("{\"shipment\": {\"tracking\": \"Express\"}}");
  }

  @Test
  void variables_and_a_context_object_are_what_the_state_sees() {
    TestStateResult result = StateTester.test(TestStateRequest.builder()
        .definition("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", "
            + "\"Output\": {\"who\": \"{% $name %}\", \"exec\": \"{% $states.context.Execution.Name %}\"}, \"End\": true}")
        .variables("{\"name\": \"Ada\"}").context("{\"Execution\": {\"Name\": \"run-7\"}}")
        .inspectionLevel(InspectionLevel.TRACE).build());
    assertThat(result).succeeded().hasOutput("{\"who\": \"Ada\", \"exec\": \"run-7\"}")
        .inspection().has("variables", "{\"name\": \"Ada\"}");
  }

  @Test
  void requests_aws_refuses_are_refused_with_aws_messages() {
    assertThatThrownBy(() -> StateTester.test(state("Standard").mockResult("{}").build()))
        .isInstanceOf(TestStateException.class)
        .hasMessage("State type 'Pass' is not supported when a mock is specified")
        .extracting(e -> ((TestStateException) e).code()).isEqualTo("ValidationException");
    assertThatThrownBy(() -> StateTester.test(state("Nowhere").build()))
        .hasMessage("State not found in definition");
    assertThatThrownBy(() -> StateTester.test(state("Done").build()))
        .extracting(e -> ((TestStateException) e).code()).isEqualTo("InvalidDefinition");
  }

  @Test
  void assertion_failures_say_what_differs() {
    TestStateResult result = StateTester.test(state("Route").input("{\"tier\": \"gold\"}").build());
    assertThatThrownBy(() -> assertThat(result).goesTo("Expres"))
        .hasMessageContaining("Expecting the tested state to go to \"Expres\"")
        .hasMessageContaining("it goes to \"Express\" (a near miss");
    assertThatThrownBy(() -> assertThat(result).hasOutput("{\"tier\": \"silver\"}"))
        .hasMessageContaining("$.tier: expected \"silver\" but was \"gold\"");
    assertThatThrownBy(() -> assertThat(result).inspection().hasAfterParameters("{}"))
        .hasMessageContaining("inspection level INFO?");
  }

  @Test
  void an_http_task_shows_its_request_and_response_at_trace_only() {
    String http = """
        {"Type": "Task", "Resource": "arn:aws:states:::http:invoke", "Parameters": {
          "ApiEndpoint": "https://api.example.com/orders", "Method": "post",
          "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:111111111111:connection/shop/1"},
          "Headers": {"Content-Type": "application/x-www-form-urlencoded"},
          "QueryParameters": {"tag": ["a b", "c"]},
          "RequestBody": {"id.$": "$.id", "qty": 2},
          "Transform": {"RequestBodyEncoding": "URL_ENCODED"}},
         "ResultSelector": {"status.$": "$.StatusCode"}, "End": true}""";
    String answer = "{\"StatusCode\": 201, \"StatusText\": \"Created\", \"Headers\": {\"x-id\": [\"7\"]},"
        + " \"ResponseBody\": {\"ok\": true}}";
    TestStateRequest.Builder request = TestStateRequest.builder().definition(http).input("{\"id\": \"o-1\"}")
        .mockResult(answer).fieldValidationMode(TestStateRequest.FieldValidationMode.NONE);

    TestStateResult trace = StateTester.test(request.inspectionLevel(InspectionLevel.TRACE).build());
    assertThat(trace).succeeded().hasOutput("{\"status\": 201}");
    Assertions.assertThat(trace.inspection().get("request").orElseThrow()).isEqualTo(io.github.sfntest.internal.json.Json.parse("""
        {"protocol": "https", "method": "POST", "url": "https://api.example.com/orders?tag=a+b&tag=c",
         "headers": "{\\"Content-Type\\":\\"application/x-www-form-urlencoded\\"}", "body": "id=o-1&qty=2"}"""));
    Assertions.assertThat(trace.inspection().get("response").orElseThrow()).isEqualTo(io.github.sfntest.internal.json.Json.parse("""
        {"protocol": "https", "statusCode": "201", "statusMessage": "Created",
         "headers": "{\\"x-id\\":[\\"7\\"]}", "body": "{\\"ok\\":true}"}"""));

    TestStateResult debug = StateTester.test(request.inspectionLevel(InspectionLevel.DEBUG).build());
    Assertions.assertThat(debug.inspection().get("request")).isEmpty();
    Assertions.assertThat(debug.inspection().get("response")).isEmpty();
  }

  private static final String READER_MAP = """
      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ToleratedFailureCount": 1,
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
          "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
          "Parameters": {"Bucket": "orders", "Key": "today.csv"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "Ship", "States": {"Ship": {"Type": "Pass", "Parameters": {"sku.$": "$.sku"}, "End": true}}},
        "End": true}}}""";

  private static TestStateRequest.Builder readerMap() {
    return TestStateRequest.builder().definition(READER_MAP).stateName("Each").input("{}")
        .mapItemReaderData("sku,qty\nA,1\nB,2\nC,3\nD,4\n");
  }

  @Test
  void map_item_reader_data_is_what_the_item_reader_reads_instead_of_s3() {
    // unmocked, the Map iterates over the rows of the data, read with its own ReaderConfig
    assertThat(StateTester.test(readerMap().runChildren(true).build()))
        .succeeded().ends().hasOutput("[{\"sku\": \"A\"}, {\"sku\": \"B\"}, {\"sku\": \"C\"}, {\"sku\": \"D\"}]");
  }

  @Test
  void map_item_reader_data_sets_the_iterations_a_mocked_map_counts_failures_against() {
    // two of the four rows failing exceeds ToleratedFailureCount 1, whatever the size of the mocked result
    assertThat(StateTester.test(readerMap().mockResult("[{}]").mapIterationFailureCount(2).build()))
        .failed().hasError("States.ExceedToleratedFailureThreshold");
    assertThatThrownBy(() -> StateTester.test(readerMap().mockResult("[1, 2, 3, 4, 5]").mapIterationFailureCount(5).build()))
        .isInstanceOf(TestStateException.class)
        .hasMessage("Map iteration failure count must be less than or equal to the number of Map iterations");
  }

  @Test
  void state_configuration_that_cannot_apply_is_refused_saying_which_field_and_why() {
    assertThatThrownBy(() -> StateTester.test(state("Express").mockError("Boom", "b").errorCausedByState("Double").build()))
        .isInstanceOf(TestStateException.class)
        .hasMessage("stateConfiguration.errorCausedByState names the state a mocked error of a Map or Parallel state"
            + " comes from, but state 'Express' is a Task state: leave it out");
    assertThatThrownBy(() -> StateTester.test(state("Done").mockError("Boom", "b").errorCausedByState("Tripple").build()))
        .isInstanceOf(TestStateException.class)
        .hasMessage("stateConfiguration.errorCausedByState 'Tripple' is not a state inside Map state 'Done'; its states"
            + " are [Double]");
    assertThatThrownBy(() -> StateTester.test(state("Done").mockResult("[]").mapItemReaderData("[1]").build()))
        .isInstanceOf(TestStateException.class)
        .hasMessage("stateConfiguration.mapItemReaderData is the data a Map state's ItemReader reads, but state 'Done'"
            + " is a Map state without an ItemReader: leave it out");
    assertThat(StateTester.test(state("Done").input("{\"items\": [1]}").mockError("Boom", "in a child")
        .errorCausedByState("Double").build())).failed().hasError("Boom");
  }
}
