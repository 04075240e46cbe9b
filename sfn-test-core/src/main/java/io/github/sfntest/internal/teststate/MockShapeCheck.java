package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest.FieldValidationMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a mocked Task result against the integration's API output shape, as AWS's TestState
 * {@code fieldValidationMode} does: {@code STRICT} also requires the shape's required fields,
 * {@code PRESENT} checks only the fields given, {@code NONE} nothing. Fields the API does not
 * know are accepted in every mode. The shapes come from {@code api-shapes.json}, generated from
 * botocore's service models by {@code src/build/api_shapes.py}; an integration it does not cover
 * is not checked. A {@code .sync} resource answers with what its describe call returns once the job
 * has finished ({@link #SYNC}); {@code .waitForTaskToken} answers with the callback's output and is
 * not checked.
 */
final class MockShapeCheck {

  private static final String PREFIX = "Mock result schema validation error: ";
  /** Step Functions' optimised-integration service names to botocore's. */
  private static final Map<String, String> SERVICES = Map.of("states", "stepfunctions", "sfn", "stepfunctions",
      "eventbridge", "events", "bedrockruntime", "bedrock-runtime");
  /**
   * {@code .sync} resources to the botocore service and shape of their result: Step Functions
   * polls the service's describe call until the job ends and returns what it describes, with
   * PascalCase member names (AWS Step Functions Developer Guide, "Run a Job (.sync)" and the
   * service pages connect-batch, connect-ecs, connect-glue, connect-athena).
   */
  private static final Map<String, String[]> SYNC = Map.of(
      "batch:submitJob.sync", new String[] {"batch", "JobDetail"}, // one job of DescribeJobs
      "ecs:runTask.sync", new String[] {"ecs", "Task"}, // one task of DescribeTasks
      "glue:startJobRun.sync", new String[] {"glue", "JobRun"}, // GetJobRun's JobRun
      "athena:startQueryExecution.sync", new String[] {"athena", "GetQueryExecutionOutput"}); // GetQueryExecution's output
  private static volatile JsonNode models;

  private MockShapeCheck() {}

  static void check(String resource, JsonNode result, FieldValidationMode mode) {
    if (mode == FieldValidationMode.NONE || resource == null || !resource.startsWith("arn:aws:states:::")) {
      return;
    }
    String[] parts = resource.substring("arn:aws:states:::".length()).split(":");
    boolean sdk = parts.length == 3 && parts[0].equals("aws-sdk");
    String[] sync = parts.length == 2 ? SYNC.get(parts[0] + ":" + parts[1]) : null;
    if (sync != null) {
      JsonNode model = models().get(sync[0]);
      if (model != null) {
        new Walk(model.path("shapes"), mode == FieldValidationMode.STRICT, false).shape(sync[1], result, null);
      }
      return;
    }
    if (!sdk && parts.length != 2 || sdk && parts[2].contains(".") || !sdk && parts[1].contains(".")) {
      return; // other .sync forms and .waitForTaskToken answer with another shape
    }
    String service = sdk ? parts[1] : parts[0];
    String action = sdk ? parts[2] : parts[1];
    JsonNode model = models().get(SERVICES.getOrDefault(service.toLowerCase(Locale.ROOT), service.toLowerCase(Locale.ROOT)));
    if (model == null || action.isEmpty()) {
      return;
    }
    JsonNode output = model.path("operations").get(Character.toUpperCase(action.charAt(0)) + action.substring(1));
    if (output == null) {
      return;
    }
    new Walk(model.path("shapes"), mode == FieldValidationMode.STRICT, sdk).shape(output.asText(), result, null);
  }

  private record Walk(JsonNode shapes, boolean strict, boolean sdk) {

    void shape(String name, JsonNode value, String field) {
      JsonNode shape = shapes.get(name);
      if (shape == null || value == null || value.isNull()) {
        return;
      }
      String label = field == null ? "result" : field;
      switch (shape.path("type").asText()) {
        case "structure" -> {
          if (!value.isObject()) {
            throw fail(label, "must be an object");
          }
          if (strict) {
            for (JsonNode required : shape.path("required")) {
              if (!value.has(required.asText())) {
                throw new TestStateException("ValidationException",
                    PREFIX + "Required field '" + required.asText() + "' is missing");
              }
            }
          }
          Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode member = shape.path("members").get(e.getKey());
            if (member != null) {
              shape(member.asText(), e.getValue(), e.getKey());
            }
          }
        }
        case "list" -> {
          if (!value.isArray()) {
            throw fail(label, "must be an array");
          }
          range(shape, value.size(), label, "size");
          for (JsonNode item : value) {
            shape(shape.path("member").asText(), item, label);
          }
        }
        case "map" -> {
          if (!value.isObject()) {
            throw fail(label, "must be an object");
          }
          value.forEach(v -> shape(shape.path("value").asText(), v, label));
        }
        case "string" -> {
          if (!value.isTextual()) {
            throw fail(label, "must be a string");
          }
          if (shape.has("enum") && !contains(shape.get("enum"), value.asText())) {
            throw fail(label, "is not an expected value");
          }
          range(shape, value.asText().length(), label, "length");
        }
        case "blob" -> {
          // The optimised integrations hand a blob (Lambda's Payload) over as JSON, not as base64 text.
          if (sdk) {
            if (!value.isTextual()) {
              throw fail(label, "must be a string");
            }
            range(shape, value.asText().length(), label, "length");
          }
        }
        case "timestamp" -> {
          if (!value.isTextual()) {
            throw fail(label, "must be a string");
          }
        }
        case "boolean" -> {
          if (!value.isBoolean()) {
            throw fail(label, "must be a boolean");
          }
        }
        case "integer", "long", "float", "double" -> {
          if (!value.isNumber()) {
            throw fail(label, "must be a number");
          }
          if (shape.has("min") && value.decimalValue().compareTo(shape.get("min").decimalValue()) < 0) {
            throw fail(label, "is less than the minimum value");
          }
          if (shape.has("max") && value.decimalValue().compareTo(shape.get("max").decimalValue()) > 0) {
            throw fail(label, "exceeds the maximum value");
          }
        }
        default -> { }
      }
    }

    private static void range(JsonNode shape, int size, String label, String what) {
      if (shape.has("min") && size < shape.get("min").asLong()) {
        throw fail(label, "is smaller than the minimum " + what);
      }
      if (shape.has("max") && size > shape.get("max").asLong()) {
        throw fail(label, "is larger than the maximum " + what);
      }
    }

    private static boolean contains(JsonNode values, String value) {
      for (JsonNode v : values) {
        if (v.asText().equals(value)) {
          return true;
        }
      }
      return false;
    }

    private static TestStateException fail(String field, String problem) {
      return new TestStateException("ValidationException", PREFIX + "Field '" + field + "' " + problem);
    }
  }

  private static JsonNode models() {
    JsonNode loaded = models;
    if (loaded == null) {
      try (InputStream in = MockShapeCheck.class.getResourceAsStream("api-shapes.json")) {
        loaded = in == null ? Json.NODES.objectNode() : Json.MAPPER.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      models = loaded;
    }
    return loaded;
  }
}
