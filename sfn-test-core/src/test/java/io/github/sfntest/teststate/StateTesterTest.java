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
}
