package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.interpreter.ExecutionRun;
import io.github.sfntest.internal.query.Query;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateStatus;
import java.util.Map;

/**
 * Shapes the tested state's processing steps into AWS's {@code inspectionData}: which members
 * appear depends on the state type and query language, as the recordings of real AWS show (a
 * Pass with {@code Result} reports {@code result} but no input processing; a Parallel reports no
 * {@code afterInputPath}; JSONata states report {@code input} and, for a Task, {@code afterArguments}).
 */
final class Inspections {

  private Inspections() {}

  static ObjectNode build(TestedState tested, TestStateRequest request, TestStateRunner.Watcher watcher,
      TestStateStatus status, ExecutionRun run) {
    Map<String, JsonNode> steps = new java.util.HashMap<>(watcher.steps);
    JsonNode input = request.input().orElse(Json.NODES.objectNode());
    if (!tested.jsonata() && !steps.containsKey("INPUT_PATH")) {
      JsonNode inputPath = tested.state.get("InputPath");
      steps.put("INPUT_PATH", inputPath == null ? input
          : inputPath.isNull() ? Json.NODES.objectNode() : readPath(inputPath.asText(), input));
    }
    ObjectNode data = Json.NODES.objectNode();
    data.set("input", request.input().orElse(Json.NODES.objectNode()));
    boolean failed = status == TestStateStatus.FAILED || status == TestStateStatus.RETRIABLE
        || status == TestStateStatus.CAUGHT_ERROR;
    if (tested.jsonata()) {
      if (tested.type.equals("Task")) {
        put(data, "afterArguments", steps.get("ARGUMENTS"));
        if (!failed) {
          put(data, "result", steps.get("RESULT"));
        }
      }
    } else {
      switch (tested.type) {
        case "Pass" -> {
          if (tested.state.has("Result")) {
            put(data, "result", steps.get("RESULT"));
          } else {
            put(data, "afterInputPath", steps.get("INPUT_PATH"));
            put(data, "afterParameters", or(steps.get("PARAMETERS"), steps.get("INPUT_PATH")));
          }
          afterResult(data, steps);
        }
        case "Task" -> {
          put(data, "afterInputPath", steps.get("INPUT_PATH"));
          put(data, "afterParameters", or(steps.get("PARAMETERS"), steps.get("INPUT_PATH")));
          if (!failed) {
            put(data, "result", steps.get("RESULT"));
            afterResult(data, steps);
          }
        }
        case "Parallel" -> {
          if (!failed) {
            afterResult(data, steps);
          }
        }
        case "Map" -> {
          put(data, "afterInputPath", steps.get("INPUT_PATH"));
          if (itemsFailed(status, run)) {
            // AWS reports nothing past InputPath when the items could not be read.
            return data;
          }
          if (tested.state.has("ItemsPath")) {
            put(data, "afterItemsPath", itemsPath(tested.state.get("ItemsPath").asText(), steps.get("INPUT_PATH")));
          }
          if (!failed) {
            afterResult(data, steps);
          }
        }
        default -> put(data, "afterInputPath", steps.get("INPUT_PATH"));
      }
    }
    if (tested.type.equals("Map")) {
      JsonNode max = FieldValues.of(run, watcher.entry, tested.state, "MaxConcurrency");
      data.put("maxConcurrency", max != null && max.isNumber() ? max.asInt() : 0);
      for (String field : new String[] {"ToleratedFailureCount", "ToleratedFailurePercentage"}) {
        JsonNode value = FieldValues.of(run, watcher.entry, tested.state, field);
        if (value != null && value.isNumber()) {
          data.set(Character.toLowerCase(field.charAt(0)) + field.substring(1), value);
        }
      }
    }
    if (request.variables().isPresent()) {
      data.set("variables", request.variables().get());
    }
    if (tested.type.equals("Task") && request.inspectionLevel().orElse(null) == io.github.sfntest.teststate.InspectionLevel.TRACE
        && tested.state.path("Resource").asText("").equals(HttpInspection.RESOURCE)) {
      HttpInspection.add(data, or(steps.get(tested.jsonata() ? "ARGUMENTS" : "PARAMETERS"), steps.get("INPUT_PATH")),
          failed ? null : steps.get("RESULT"));
    }
    return data;
  }

  private static boolean itemsFailed(TestStateStatus status, ExecutionRun run) {
    return status == TestStateStatus.FAILED
        && TestStateRunner.ITEMS_ERROR.equals(run.result().error().orElse(null));
  }

  private static void afterResult(ObjectNode data, Map<String, JsonNode> steps) {
    put(data, "afterResultSelector", or(steps.get("RESULT_SELECTOR"), steps.get("RESULT")));
    put(data, "afterResultPath", steps.get("RESULT_PATH"));
  }

  private static JsonNode itemsPath(String path, JsonNode afterInputPath) {
    return afterInputPath == null ? null : readPath(path, afterInputPath);
  }

  /** A JSONPath over {@code document} alone (no context object or variables); null when it matches nothing. */
  static JsonNode readPath(String path, JsonNode document) {
    try {
      return Query.readPath(path, new EvaluationScope() {
        @Override
        public JsonNode input() {
          return document;
        }

        @Override
        public JsonNode contextObject() {
          return Json.NODES.objectNode();
        }

        @Override
        public JsonNode variable(String name) {
          return null;
        }
      });
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonNode or(JsonNode a, JsonNode b) {
    return a != null ? a : b;
  }

  private static void put(ObjectNode data, String name, JsonNode value) {
    if (value != null) {
      data.set(name, value);
    }
  }
}
