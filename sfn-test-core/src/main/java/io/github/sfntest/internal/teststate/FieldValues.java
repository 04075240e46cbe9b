package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.interpreter.ExecutionRun;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.jsonata.JsonataExpressions;
import io.github.sfntest.internal.query.Query;

/** The value of a field of the tested state that may be a JSONata expression (MaxConcurrency, tolerances). */
final class FieldValues {

  private FieldValues() {}

  static JsonNode of(ExecutionRun run, StateEntry entry, JsonNode state, String field) {
    JsonNode value = state.get(field);
    if (value == null || !value.isTextual() || !JsonataExpressions.isExpression(value.asText()) || entry == null) {
      return value;
    }
    try {
      return Query.jsonata(value, field).evaluate(run.env(entry, entry.rawInput).lazyStates(null, null));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
