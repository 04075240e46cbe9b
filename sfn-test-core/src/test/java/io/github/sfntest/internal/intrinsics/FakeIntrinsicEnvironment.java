package io.github.sfntest.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Test stand-in for the engine: Jayway paths over $, $$ and variables, and a seeded random. */
final class FakeIntrinsicEnvironment implements IntrinsicEnvironment {

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  private final RandomGenerator random;

  FakeIntrinsicEnvironment(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public JsonNode readPath(String path, EvaluationScope scope) {
    JsonNode document;
    String rest;
    if (path.startsWith("$$")) {
      document = scope.contextObject();
      rest = path.substring(2);
    } else if (path.length() > 1 && Character.isLetter(path.charAt(1))) {
      int end = 1;
      while (end < path.length() && (Character.isLetterOrDigit(path.charAt(end)) || path.charAt(end) == '_')) {
        end++;
      }
      document = scope.variable(path.substring(1, end));
      if (document == null) {
        throw new StatesException("States.Runtime", "no variable " + path.substring(0, end));
      }
      rest = path.substring(end);
    } else {
      document = scope.input();
      rest = path.substring(1);
    }
    try {
      return JsonPath.using(JSON_PATH).parse(document).read("$" + rest);
    } catch (PathNotFoundException e) {
      throw new StatesException("States.Runtime", "The JSONPath '" + path + "' could not be found");
    }
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  static EvaluationScope scope(String input) {
    return scope(Json.parse(input), Json.parse("{}"), Map.of());
  }

  static EvaluationScope scope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    return new EvaluationScope() {
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
    };
  }
}
