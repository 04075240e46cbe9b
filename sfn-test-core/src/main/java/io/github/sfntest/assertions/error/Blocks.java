package io.github.sfntest.assertions.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.render.ExecutionRenderer;
import io.github.sfntest.internal.render.Text;

/** Building blocks shared by the message factories. */
final class Blocks {

  private Blocks() {}

  /** Compact JSON if short, else pretty; indented by two spaces; {@code (none)} for null. */
  static String json(JsonNode node) {
    if (node == null) {
      return "  (none)";
    }
    String compact = Json.write(node);
    return Text.indent(compact.length() <= 100 ? compact : Json.pretty(node), "  ");
  }

  /** {@code Visited states:} and the path, on their own lines. */
  static String path(ExecutionResult result) {
    return "Visited states:\n  " + ExecutionRenderer.path(result.history());
  }

  static String describe(ExecutionResult result) {
    return ExecutionRenderer.describe(result.executionArn(), result.stateMachineName());
  }

  static String quote(String text) {
    return Text.quote(text);
  }
}
