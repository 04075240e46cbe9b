package io.github.sfntest.replay;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays of an order flow recorded "on AWS": the recording is made by the engine in another
 * account, region and at another time, then rewritten as AWS prints histories (offset timestamps,
 * other execution names, AWS-looking task tokens), so every legitimate difference is exercised.
 */
class ReplayTest {

  static final String ORDER_FLOW = """
      {"StartAt": "Validate", "States": {
        "Validate": {"Type": "Pass", "Parameters": {"orderId.$": "$.orderId", "receivedAt.$": "$$.Execution.StartTime",
                     "execution.$": "$$.Execution.Id"}, "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:charge", "Payload.$": "$"},
                   "ResultSelector": {"charged.$": "$.Payload.charged"}, "ResultPath": "$.charge",
                   "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 2}],
                   "Catch": [{"ErrorEquals": ["Payment.Declined"], "ResultPath": "$.error", "Next": "Declined"}],
                   "Next": "Ship"},
        "Ship": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters": {"QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/ship",
                                "MessageBody": {"orderId.$": "$.orderId", "token.$": "$$.Task.Token"}},
                 "ResultPath": "$.shipment", "Next": "Done"},
        "Declined": {"Type": "Fail", "Error": "OrderDeclined", "Cause": "the card was declined"},
        "Done": {"Type": "Succeed"}}}
      """;

  static final Instant RECORDED_START = Instant.parse("2025-03-01T09:15:30.250Z");

  @TempDir Path dir;

  static StateMachineDefinition definition(String json) {
    return StateMachineDefinition.of("OrderFlow", json);
  }

  /** What happened "on AWS": a throttled charge, retried, then shipped; history as the AWS CLI prints it. */
  static String awsRecording() {
    MockedResponses aws = MockedResponses.create();
    aws.onState("Charge").willThrow("Lambda.TooManyRequestsException", "Rate exceeded")
        .thenReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
    aws.onState("Ship").willReturn(Map.of("carrier", "DHL", "trackingId", "JD0001"));
    EngineOptions account = EngineOptions.builder().account("123456789012").region("eu-west-1")
        .startTime(RECORDED_START).seed(99).build();
    try (Engine engine = Engine.inProcess(account)) {
      ExecutionResult result = engine.run(StartRequest.of(definition(ORDER_FLOW), "{\"orderId\": \"42\"}")
          .withTaskHandler(aws).withExecutionName("prod-run-7f3a"));
      assertThat(result).succeeded();
      ObjectNode document = Json.NODES.objectNode();
      document.set("events", result.history().toJson());
      return asAwsPrintsIt(Json.pretty(document));
    }
  }

  /** AWS CLI style: timestamps with an offset and microseconds; the state machine deployed under another name. */
  static String asAwsPrintsIt(String json) {
    Matcher m = Pattern.compile("\"timestamp\" : \"([^\"]+)\"").matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String offset = Instant.parse(m.group(1)).atOffset(java.time.ZoneOffset.ofHours(1)).toLocalDateTime() + "000+01:00";
      m.appendReplacement(out, Matcher.quoteReplacement("\"timestamp\" : \"" + offset + "\""));
    }
    m.appendTail(out);
    return out.toString().replace(":stateMachine:OrderFlow", ":stateMachine:OrderFlow-prod")
        .replace(":execution:OrderFlow:", ":execution:OrderFlow-prod:");
  }

  RecordedExecution recording() throws Exception {
    Path file = dir.resolve("recordings/order-42.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, awsRecording());
    return RecordedExecution.load(file);
  }

  @Test
  void a_recording_gives_its_input_ending_start_time_account_and_region() throws Exception {
    RecordedExecution recording = recording();

    assertThat(recording.input()).isEqualTo(Json.parse("{\"orderId\": \"42\"}"));
    assertThat(recording.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(recording.startTime()).contains(RECORDED_START);
    assertThat(recording.account()).contains("123456789012");
    assertThat(recording.region()).contains("eu-west-1");
    assertThat(recording.visitedStates()).containsExactly("Validate", "Charge", "Ship", "Done");
    assertThat(recording.answerCounts()).containsExactly(Map.entry("Charge", 2), Map.entry("Ship", 1));
  }

  @Test
  void the_mocks_are_the_recorded_answers_per_state_and_attempt_as_a_MockConfigFile() throws Exception {
    JsonNode file = Json.parse(recording().toMockConfigFile("OrderFlow", "Order42"));

    assertThat(file.at("/StateMachines/OrderFlow/TestCases/Order42"))
        .isEqualTo(Json.parse("{\"Charge\": \"Mock_Charge\", \"Ship\": \"Mock_Ship\"}"));
    assertThat(file.at("/MockedResponses/Mock_Charge/0"))
        .isEqualTo(Json.parse("{\"Throw\": {\"Error\": \"Lambda.TooManyRequestsException\", \"Cause\": \"Rate exceeded\"}}"));
    assertThat(file.at("/MockedResponses/Mock_Charge/1/Return/Payload")).isEqualTo(Json.parse("{\"charged\": true}"));
    // the callback's result, not what SendMessage answered
    assertThat(file.at("/MockedResponses/Mock_Ship/0/Return"))
        .isEqualTo(Json.parse("{\"carrier\": \"DHL\", \"trackingId\": \"JD0001\"}"));
    // and it is a valid MockConfigFile
    assertThat(MockConfigFile.parse(file.toString()).mockedStates("OrderFlow", "Order42")).containsKeys("Charge", "Ship");
  }

  @Test
  void the_unchanged_definition_matches_its_recording_despite_other_names_times_and_tokens() throws Exception {
    ReplayResult replay = Replay.of(definition(ORDER_FLOW), recording()).run();

    assertThat(replay).matchesRecording();
    assertThat(replay.replayed().startDate()).isEqualTo(RECORDED_START); // virtual clock at the recorded start
    assertThat(replay.replayed().executionArn()).startsWith("arn:aws:states:eu-west-1:123456789012:execution:OrderFlow:");
    assertThat(replay.report()).startsWith("replay of ").contains("matches the recording: SUCCEEDED, 4 states entered");
  }

  @Test
  void a_renamed_state_diverges_on_the_path_at_the_recorded_state() throws Exception {
    String renamed = ORDER_FLOW.replace("\"Next\": \"Ship\"", "\"Next\": \"Dispatch\"").replace("\"Ship\": {", "\"Dispatch\": {");

    ReplayResult replay = Replay.of(definition(renamed), recording()).run();

    assertThat(replay).divergesAt("Ship").divergesIn(Divergence.Kind.PATH);
    Divergence d = replay.divergence().orElseThrow();
    assertThat(d.description()).isEqualTo("path: the recording entered \"Ship\", the replay entered \"Dispatch\"");
    assertThat(d.pathBefore()).containsExactly("Validate", "Charge");
  }

  @Test
  void a_changed_ResultPath_diverges_on_the_output_of_that_state_with_both_values() throws Exception {
    String changed = ORDER_FLOW.replace("\"ResultPath\": \"$.charge\"", "\"ResultPath\": \"$.payment\"");

    ReplayResult replay = Replay.of(definition(changed), recording()).run();

    assertThat(replay).divergesAt("Charge").divergesIn(Divergence.Kind.OUTPUT);
    Divergence d = replay.divergence().orElseThrow();
    assertThat(d.recorded().orElseThrow().path("charge")).isEqualTo(Json.parse("{\"charged\": true}"));
    assertThat(d.replayed().orElseThrow().path("payment")).isEqualTo(Json.parse("{\"charged\": true}"));
    assertThat(replay.report()).contains("diverges from the recording at state \"Charge\" (OUTPUT)",
        "output of \"Charge\" differs", "path before: Validate -> Charge", "recorded: {", "replayed: {");
  }

  @Test
  void a_changed_task_parameter_diverges_on_the_parameters_even_with_the_same_answers() throws Exception {
    String changed = ORDER_FLOW.replace("function:charge", "function:charge-v2");

    assertThat(Replay.of(definition(changed), recording()).run())
        .divergesAt("Charge").divergesIn(Divergence.Kind.PARAMETERS);
  }

  @Test
  void a_removed_Catch_diverges_where_the_recorded_error_was_caught() throws Exception {
    MockedResponses aws = MockedResponses.create();
    aws.onState("Charge").willThrow("Payment.Declined", "card expired");
    RecordedExecution declined;
    try (Engine engine = Engine.inProcess()) {
      declined = RecordedExecution.of(engine.run(StartRequest.of(definition(ORDER_FLOW), "{\"orderId\": \"7\"}")
          .withTaskHandler(aws)).history());
    }
    String withoutCatch = ORDER_FLOW.replace("\"Catch\": [{\"ErrorEquals\": [\"Payment.Declined\"], \"ResultPath\": \"$.error\","
        + " \"Next\": \"Declined\"}],", "").replace("\"Declined\": {\"Type\": \"Fail\", \"Error\": \"OrderDeclined\","
        + " \"Cause\": \"the card was declined\"},", "");

    ReplayResult replay = Replay.of(definition(withoutCatch), declined).run();

    assertThat(replay).divergesAt("Charge").divergesIn(Divergence.Kind.OUTPUT);
    assertThat(replay.divergence().orElseThrow().description())
        .isEqualTo("\"Charge\" did not leave in the replay (the execution ended there)");
    assertThat(replay.replayed().status()).isEqualTo(ExecutionStatus.FAILED);
  }

  @Test
  void ignored_fields_are_not_compared_anywhere_by_name_or_by_path() throws Exception {
    String changed = ORDER_FLOW.replace("\"orderId.$\": \"$.orderId\", \"receivedAt", "\"orderId\": \"fixed\", \"receivedAt");

    assertThat(Replay.of(definition(changed), recording()).run()).divergesAt("Validate").divergesIn(Divergence.Kind.OUTPUT);
    assertThat(Replay.of(definition(changed), recording()).ignoringFields("orderId").run()).matchesRecording();
    assertThat(Replay.of(definition(changed), recording()).ignoringFields("$.orderId").run())
        .divergesAt("Charge").divergesIn(Divergence.Kind.PARAMETERS); // only the top-level field is ignored
  }

  @Test
  void the_assertions_say_what_was_expected_and_show_the_comparison() throws Exception {
    ReplayResult matching = Replay.of(definition(ORDER_FLOW), recording()).run();
    ReplayResult renamed = Replay.of(definition(ORDER_FLOW.replace("\"Next\": \"Ship\"", "\"Next\": \"Dispatch\"")
        .replace("\"Ship\": {", "\"Dispatch\": {")), recording()).run();

    assertThatThrownBy(() -> assertThat(renamed).matchesRecording()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the replay to match the recording, but it diverges:")
        .hasMessageContaining("path: the recording entered \"Ship\", the replay entered \"Dispatch\"");
    assertThatThrownBy(() -> assertThat(matching).divergesAt("Ship")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the replay to diverge at state \"Ship\", but it matches the recording");
    assertThatThrownBy(() -> assertThat(renamed).divergesAt("Charge")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it diverges at state \"Ship\"");
  }

  @Test
  void our_own_histories_written_to_a_file_replay_like_AWS_ones() throws Exception {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
    mocks.onState("Ship").willReturn(Map.of("carrier", "UPS"));
    Path file = dir.resolve("ours.json");
    try (Engine engine = Engine.inProcess()) {
      engine.run(StartRequest.of(definition(ORDER_FLOW), "{\"orderId\": \"1\"}").withTaskHandler(mocks)).history().writeTo(file);
    }

    assertThat(Json.parse(Files.readString(file)).get("events")).hasSize(17);
    assertThat(Replay.of(definition(ORDER_FLOW), RecordedExecution.load(file)).run()).matchesRecording();
  }

  @Test
  void history_files_may_be_pages_concatenated_an_array_of_pages_or_a_bare_array() throws Exception {
    ArrayNode events = (ArrayNode) Json.parse(awsRecording()).get("events");
    ArrayNode first = Json.NODES.arrayNode();
    ArrayNode rest = Json.NODES.arrayNode();
    for (int i = 0; i < events.size(); i++) {
      (i < 5 ? first : rest).add(events.get(i));
    }
    String page1 = "{\"events\": " + first + ", \"nextToken\": \"abc\"}";
    String page2 = "{\"events\": " + rest + "}";

    for (String text : new String[] {page1 + "\n" + page2, "[" + page1 + "," + page2 + "]", events.toString()}) {
      RecordedExecution recording = RecordedExecution.parse("h.json", text);
      assertThat(recording.eventsJson()).hasSize(events.size());
      assertThat(Replay.of(definition(ORDER_FLOW), recording).run()).matchesRecording();
    }
  }

  @Test
  void unreadable_histories_are_refused_with_what_was_expected() {
    assertThatThrownBy(() -> RecordedExecution.parse("h.json", "{\"events\": [")).isInstanceOf(InvalidHistoryException.class)
        .hasMessageStartingWith("h.json is not valid JSON");
    assertThatThrownBy(() -> RecordedExecution.parse("h.json", "{\"executions\": []}"))
        .hasMessage("h.json is not a history: expected {\"events\": [...]} as `aws stepfunctions get-execution-history`"
            + " prints it, or an array of events");
    assertThatThrownBy(() -> RecordedExecution.parse("h.json", "{\"events\": {}}"))
        .hasMessage("h.json: \"events\" is object, not an array of events");
    assertThatThrownBy(() -> RecordedExecution.parse("h.json", "[{\"id\": 1}]"))
        .hasMessageContaining("h.json: event 0 has no \"type\"");
    assertThatThrownBy(() -> RecordedExecution.load(dir.resolve("missing.json")))
        .hasMessage("history file " + dir.resolve("missing.json") + " does not exist");
  }

  @Test
  void anonymised_values_and_listed_stand_ins_act_as_wildcards() throws Exception {
    String anonymised = awsRecording().replace("https://sqs.eu-west-1.amazonaws.com/123456789012/ship", "<QueueUrl>");
    assertThat(Replay.of(definition(ORDER_FLOW), RecordedExecution.parse("a.json", anonymised)).run()).matchesRecording();

    String standIn = awsRecording().replace("https://sqs.eu-west-1.amazonaws.com/123456789012/ship", "queue_url");
    assertThat(Replay.of(definition(ORDER_FLOW), RecordedExecution.parse("s.json", standIn)).run())
        .divergesAt("Ship").divergesIn(Divergence.Kind.PARAMETERS);
    assertThat(Replay.of(definition(ORDER_FLOW), RecordedExecution.parse("s.json", standIn))
        .withPlaceholders(java.util.List.of("queue_url")).run()).matchesRecording();
  }

  @Test
  void a_task_the_recording_has_no_answer_for_is_stopped_and_the_replay_diverges_where_it_was_added() throws Exception {
    String added = ORDER_FLOW.replace("\"Next\": \"Done\"}", "\"Next\": \"Ship2\"}, \"Ship2\": {\"Type\": \"Task\", \"Resource\":"
            + " \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"Parameters\": {\"QueueUrl\": \"q\","
            + " \"MessageBody.$\": \"$$.Task.Token\"}, \"Next\": \"Done\"}");

    ReplayResult replay = Replay.of(definition(added), recording()).run();

    assertThat(replay).divergesAt("Done").divergesIn(Divergence.Kind.PATH);
    assertThat(replay.divergence().orElseThrow().description())
        .isEqualTo("path: the recording entered \"Done\", the replay entered \"Ship2\"");
    assertThat(replay.replayed().status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(replay.replayed().cause()).contains(
        "the replay stopped the execution: [Ship2] wait for a callback the recording has no answer for");
  }

  @Test
  void map_iterations_recorded_in_another_order_still_get_their_own_answers() throws Exception {
    String prices = """
        {"StartAt": "Price", "States": {"Price": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {
          "StartAt": "Quote", "States": {"Quote": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "quote", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}},
          "End": true}}}
        """;
    MockedResponses aws = MockedResponses.create();
    aws.onLambda("quote").willAnswer(call -> Map.of("sku", call.parameters().at("/Payload/sku").asText(),
        "price", call.parameters().at("/Payload/sku").asText().equals("a") ? 10 : 20));
    ArrayNode events;
    try (Engine engine = Engine.inProcess()) {
      events = engine.run(StartRequest.of(definition(prices), "{\"items\": [{\"sku\": \"a\"}, {\"sku\": \"b\"}]}")
          .withTaskHandler(aws)).history().toJson();
    }
    // The engine runs the iterations interleaved: ... TaskStarted, TaskSucceeded, TaskStateExited,
    // MapIterationSucceeded of iteration 0, then the same four of iteration 1. On AWS iteration 1 may finish
    // first: swap the two blocks (their previousEventId links still tie each answer to its iteration).
    java.util.List<JsonNode> list = new java.util.ArrayList<>();
    events.forEach(list::add);
    int first = indexOf(list, "TaskStarted", 0);
    java.util.List<JsonNode> swapped = new java.util.ArrayList<>(list.subList(0, first));
    swapped.addAll(list.subList(first + 4, first + 8));
    swapped.addAll(list.subList(first, first + 4));
    swapped.addAll(list.subList(first + 8, list.size()));
    ArrayNode reordered = Json.NODES.arrayNode().addAll(swapped);
    RecordedExecution recording = RecordedExecution.parse("reordered.json", reordered.toString());
    assertThat(Json.parse(recording.toMockConfigFile("P", "T")).at("/MockedResponses/Mock_Quote/0/Return/Payload/sku").asText())
        .isEqualTo("b"); // the MockConfigFile can only number them in history order

    assertThat(Replay.of(definition(prices), recording).run()).matchesRecording();
  }

  private static int indexOf(java.util.List<JsonNode> events, String type, int from) {
    for (int i = from; i < events.size(); i++) {
      if (events.get(i).path("type").asText().equals(type)) {
        return i;
      }
    }
    throw new AssertionError("no " + type + " after " + from);
  }
}
