package io.github.sfntest.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A map-backed scope that records which variables were looked up. */
final class TestScope implements EvaluationScope {

  final Map<String, JsonNode> variables = new HashMap<>();
  final List<String> lookups = new ArrayList<>();

  TestScope with(String name, String json) {
    variables.put(name, Json.parse(json));
    return this;
  }

  @Override
  public JsonNode input() {
    return Json.NODES.objectNode();
  }

  @Override
  public JsonNode contextObject() {
    return Json.NODES.objectNode();
  }

  @Override
  public synchronized JsonNode variable(String name) {
    lookups.add(name);
    return variables.get(name);
  }

  static JsonataRuntime runtime() {
    return JsonataRuntime.of(() -> Instant.parse("2024-01-01T00:00:00Z"), new SplittableRandom(7));
  }

  static JsonNode states(String inputJson) {
    return Json.parse("{\"input\":" + inputJson + ",\"context\":{}}");
  }
}
