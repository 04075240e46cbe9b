package io.github.sfntest.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.json.Json;
import java.util.HashMap;
import java.util.Map;

/** A fixed scope for tests: input, context object and variables given as JSON text. */
final class TestScope implements EvaluationScope {

  private final JsonNode input;
  private final JsonNode context;
  private final Map<String, JsonNode> variables = new HashMap<>();

  private TestScope(JsonNode input, JsonNode context) {
    this.input = input;
    this.context = context;
  }

  static TestScope of(String input) {
    return new TestScope(Json.parse(input), Json.parse("{\"Execution\":{\"Input\":" + input + "},\"State\":{\"Name\":\"S\"}}"));
  }

  static TestScope of(JsonNode input) {
    return new TestScope(input, Json.parse("{}"));
  }

  TestScope withVariable(String name, String json) {
    variables.put(name, Json.parse(json));
    return this;
  }

  @Override
  public JsonNode input() {
    return input;
  }

  @Override
  public JsonNode contextObject() {
    return context;
  }

  @Override
  public JsonNode variable(String name) {
    return variables.get(name);
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }
}
