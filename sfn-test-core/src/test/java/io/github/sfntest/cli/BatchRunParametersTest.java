package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} runs a case with the run parameters of its {@code expected.json}. */
class BatchRunParametersTest {

  @TempDir Path dir;

  private static final String WAIT_THEN_PASS =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"P\"},"
          + "\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"start.$\":\"$$.Execution.StartTime\","
          + "\"role.$\":\"$$.Execution.RoleArn\"},\"End\":true}}}";

  private Path caseFolder(String definition, String expected) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("case"));
    Files.writeString(folder.resolve("definition.json"), definition);
    Files.writeString(folder.resolve("input.json"), "{}");
    Files.writeString(folder.resolve("expected.json"), expected);
    return folder;
  }

  @Test
  void stop_execution_driver_action_aborts_the_execution_where_it_first_waits() throws IOException {
    Path folder = caseFolder(WAIT_THEN_PASS, "{\"driver_actions\": [{\"action\": \"stop_execution\", "
        + "\"args\": {\"executionArn\": \"arn:aws:states:us-east-1:111111111111:execution:sm:exec\"}}]}");

    ObjectNode doc = BatchCommand.runCase(folder);

    assertThat(doc.get("status").asText()).isEqualTo("ABORTED");
    JsonNode events = doc.get("events");
    assertThat(events).extracting(e -> e.get("type").asText())
        .containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted");
    // AWS records the abort with previousEventId 0 (the recording of api.sfn_api.stop_execution).
    assertThat(events.get(2).get("previousEventId").asInt()).isZero();
  }

  @Test
  void stop_execution_has_no_effect_on_an_express_execution_or_one_that_ended() throws IOException {
    // StopExecution is not supported for EXPRESS state machines (API reference).
    Path express = caseFolder(WAIT_THEN_PASS,
        "{\"state_machine_type\": \"EXPRESS\", \"driver_actions\": [{\"action\": \"stop_execution\", \"args\": {}}]}");
    assertThat(BatchCommand.runCase(express).get("status").asText()).isEqualTo("SUCCEEDED");

    Files.writeString(express.resolve("definition.json"), "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    Files.writeString(express.resolve("expected.json"), "{\"driver_actions\": [{\"action\": \"stop_execution\", \"args\": {}}]}");
    assertThat(BatchCommand.runCase(express).get("status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void clock_and_role_arn_set_the_start_time_and_the_execution_role() throws IOException {
    Path folder = caseFolder(WAIT_THEN_PASS, "{\"clock\": \"2025-03-04T05:06:07Z\", "
        + "\"role_arn\": \"arn:aws:iam::111111111111:role/recorded-role\"}");

    ObjectNode doc = BatchCommand.runCase(folder);

    assertThat(doc.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(doc.at("/output/start").asText()).isEqualTo("2025-03-04T05:06:07.000Z");
    assertThat(doc.at("/output/role").asText()).isEqualTo("arn:aws:iam::111111111111:role/recorded-role");
    assertThat(doc.at("/events/0/executionStartedEventDetails/roleArn").asText())
        .isEqualTo("arn:aws:iam::111111111111:role/recorded-role");
  }

  @Test
  void an_unknown_driver_action_or_a_bad_clock_makes_the_case_invalid_with_a_clear_cause() throws IOException {
    Path folder = caseFolder(WAIT_THEN_PASS, "{\"driver_actions\": [{\"action\": \"reboot_region\", \"args\": {}}]}");
    ObjectNode unknown = BatchCommand.runCase(folder);
    assertThat(unknown.get("status").asText()).isEqualTo("INVALID");
    assertThat(unknown.get("cause").asText()).contains("driver action \"reboot_region\"").contains("stop_execution");

    Files.writeString(folder.resolve("expected.json"), "{\"clock\": \"yesterday\"}");
    ObjectNode badClock = BatchCommand.runCase(folder);
    assertThat(badClock.get("status").asText()).isEqualTo("INVALID");
    assertThat(badClock.get("cause").asText()).contains("\"clock\"").contains("2024-01-01T00:00:00Z");
  }

  @Test
  void mock_test_case_selects_that_test_case_of_mocks_json() throws IOException {
    Path folder = caseFolder("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"End\":true}}}",
        "{\"mock_test_case\": \"Sad\"}");
    Files.writeString(folder.resolve("mocks.json"), "{\"StateMachines\": {\"SM\": {\"TestCases\": {"
        + "\"Happy\": {\"T\": \"Ok\"}, \"Sad\": {\"T\": \"Boom\"}}}}, \"MockedResponses\": {"
        + "\"Ok\": {\"0\": {\"Return\": {\"fine\": true}}},"
        + "\"Boom\": {\"0\": {\"Throw\": {\"Error\": \"Kaboom\", \"Cause\": \"from the Sad test case\"}}}}}");

    ObjectNode doc = BatchCommand.runCase(folder);

    assertThat(doc.get("status").asText()).isEqualTo("FAILED");
    assertThat(doc.get("error").asText()).isEqualTo("Kaboom");
  }
}
