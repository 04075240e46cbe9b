package io.github.sfntest.internal.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.mock.TaskAnswer;
import java.util.Objects;

/** One mocked response: what a matching invocation answers. */
public sealed interface MockResponse {

  /** MockConfigFile {@code "Return"}: the raw integration result. */
  record Return(JsonNode value) implements MockResponse {
    public Return {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * MockConfigFile {@code "Throw"}. Both fields may be absent in the file (AWS then records a
   * TaskFailed event without them); they are {@code null} here.
   */
  record Throw(String error, String cause) implements MockResponse {}

  /** Computed from the invocation (DSL only; cannot be written to a MockConfigFile). */
  record Answer(TaskAnswer answer) implements MockResponse {
    public Answer {
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** The task stays open until the test sends a token (DSL only). */
  record Callback(JsonNode submitOutput) implements MockResponse {}
}
