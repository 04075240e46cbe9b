package io.github.sfntest.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskOutcome;
import org.junit.jupiter.api.Test;

/** API Gateway's Headers must map each name to a list of values, as AWS requires. */
class IntegrationParametersTest {

  private static final String API_GATEWAY = "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:states:::apigateway:invoke\",\"Parameters\":{\"ApiEndpoint\":\"x.execute-api.us-east-1"
      + ".amazonaws.com\",\"Method\":\"GET\",\"Headers.$\":\"$.Headers\"},\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],"
      + "\"Next\":\"Caught\"}],\"End\":true},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}";

  private static ExecutionResult run(String headers) {
    try (Engine engine = Engine.inProcess(EngineOptions.defaults())) {
      return engine.run(StartRequest.of(StateMachineDefinition.of("api", API_GATEWAY), "{\"Headers\":" + headers + "}")
          .withTaskHandler(invocation -> TaskOutcome.success(Json.parse("{\"StatusCode\":200}"))));
    }
  }

  @Test
  void a_header_given_as_a_plain_string_fails_the_execution_before_the_task_is_scheduled() {
    ExecutionResult result = run("{\"custom_header\":\"single\"}");

    // States.Runtime is not caught by States.ALL, and no TaskScheduled is written.
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("States.Runtime");
    assertThat(result.cause().orElseThrow())
        .startsWith("An error occurred while executing the state 'Call' (entered at the event id #2). The Parameters '{")
        .contains("\"custom_header\":\"single\"")
        .endsWith("' could not be used to start the Task: [The value of the field 'Headers' has an invalid format]");
    assertThat(result.history().toJson().toString()).doesNotContain("TaskScheduled");
  }

  @Test
  void headers_given_as_lists_of_strings_are_accepted() {
    ExecutionResult result = run("{\"custom_header\":[\"a\",\"b\"]}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.history().toJson().toString()).contains("TaskScheduled");
  }
}
