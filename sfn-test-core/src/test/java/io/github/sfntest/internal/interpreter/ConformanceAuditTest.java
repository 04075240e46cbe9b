package io.github.sfntest.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The behaviours issue 15's audit names, pinned against what AWS records: Credentials on Task
 * states, JSONPath bracket keys with escapes, empty Assign objects, Lambda time-outs and
 * {@code $$.Task.Token} in {@code states:startExecution} variants.
 */
class ConformanceAuditTest {

  private static ExecutionResult run(String definition, String input, io.github.sfntest.mock.TaskHandler handler) {
    try (Engine engine = Engine.inProcess(EngineOptions.defaults())) {
      return engine.run(StartRequest.of(StateMachineDefinition.of("audit", definition), input).withTaskHandler(handler));
    }
  }

  private static JsonNode event(ExecutionResult result, String type) {
    for (JsonNode e : result.history().toJson()) {
      if (e.get("type").asText().equals(type)) {
        return e;
      }
    }
    throw new AssertionError("no " + type + " in " + result.history().toJson());
  }

  @Test
  void credentials_are_recorded_in_task_scheduled_and_lambda_function_scheduled_as_task_credentials() {
    String role = "arn:aws:iam::111111111111:role/cross-account";
    ExecutionResult service = run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},"
        + "\"Credentials\":{\"RoleArn.$\":\"$.role\"},\"End\":true}}}", "{\"role\":\"" + role + "\"}",
        invocation -> TaskOutcome.success(Json.parse("{\"Payload\":1}")));
    assertThat(event(service, "TaskScheduled").at("/taskScheduledEventDetails/taskCredentials"))
        .isEqualTo(Json.parse("{\"roleArn\":\"" + role + "\"}"));

    ExecutionResult legacy = run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:lambda:us-east-1:111111111111:function:f\","
        + "\"Credentials\":{\"RoleArn\":\"" + role + "\"},\"End\":true}}}", "{}",
        invocation -> TaskOutcome.success(Json.parse("{}")));
    JsonNode scheduled = event(legacy, "LambdaFunctionScheduled");
    assertThat(scheduled.at("/lambdaFunctionScheduledEventDetails/taskCredentials")).as(scheduled.toString())
        .isEqualTo(Json.parse("{\"roleArn\":\"" + role + "\"}"));
  }

  @Test
  void bracket_keys_with_escapes_and_dots_read_the_literal_key() {
    ExecutionResult result = run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{"
        + "\"quote.$\":\"$['a\\\\'b']\",\"dotted.$\":\"$[\\\"x.y\\\"]\",\"nested.$\":\"$['x']['y']\"},\"End\":true}}}",
        "{\"a'b\":1,\"x.y\":2,\"x\":{\"y\":3}}", io.github.sfntest.mock.TaskHandler.none());

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow()).isEqualTo(Json.parse("{\"quote\":1,\"dotted\":2,\"nested\":3}"));
  }

  @Test
  void an_empty_assign_assigns_nothing_and_the_state_runs() {
    ExecutionResult result = run("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
        + "\"Assign\":{},\"Output\":\"{% $states.input %}\",\"End\":true}}}", "{\"k\":1}",
        io.github.sfntest.mock.TaskHandler.none());

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(result.output().orElseThrow())).isEqualTo("{\"k\":1}");
  }

  @Test
  void a_lambda_time_out_is_states_timeout_without_a_cause() {
    // AWS: TaskTimedOut {"error": "States.Timeout", resource, resourceType} and ExecutionFailed
    // {"error": "States.Timeout"} (recording timeouts.fixed_timeout_service_lambda): no cause.
    ExecutionResult result = run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},"
        + "\"TimeoutSeconds\":2,\"End\":true}}}", "{}",
        invocation -> new TaskOutcome.Success(Json.parse("{}"), Duration.ofSeconds(10)));

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("States.Timeout");
    assertThat(result.cause()).isEmpty();
    assertThat(event(result, "TaskTimedOut").get("taskTimedOutEventDetails"))
        .isEqualTo(Json.parse("{\"resourceType\":\"lambda\",\"resource\":\"invoke\",\"error\":\"States.Timeout\"}"));
  }

  @Test
  void the_task_token_is_in_the_context_of_start_execution_wait_for_task_token() {
    ExecutionResult result = run("{\"StartAt\":\"Start\",\"States\":{\"Start\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::states:startExecution.waitForTaskToken\",\"Parameters\":{"
        + "\"StateMachineArn\":\"arn:aws:states:us-east-1:111111111111:stateMachine:child\","
        + "\"Input\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}", "{}",
        invocation -> {
          String token = invocation.parameters().at("/Input/token").asText();
          assertThat(token).isNotBlank();
          return TaskOutcome.success(Json.parse("{\"echo\":\"" + token + "\"}"));
        });

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String scheduled = event(result, "TaskScheduled").at("/taskScheduledEventDetails/parameters").asText();
    assertThat(Json.parse(scheduled).at("/Input/token").asText()).isNotBlank();
  }
}
