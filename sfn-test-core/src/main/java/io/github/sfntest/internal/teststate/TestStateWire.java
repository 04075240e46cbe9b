package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.teststate.InspectionLevel;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;
import io.github.sfntest.teststate.TestStateStatus;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** TestState's wire documents: the request body to a {@link TestStateRequest}, a result to the response body. */
public final class TestStateWire {

  /** Members AWS sends as JSON text. */
  private static final Set<String> JSON_TEXT_MEMBERS = Set.of("input", "afterInputPath", "afterParameters",
      "afterArguments", "result", "afterResultSelector", "afterResultPath", "variables", "afterItemsPath",
      "afterItemSelector", "afterItemBatcher", "afterItemsPointer");

  private TestStateWire() {}

  /** The request a TestState body asks for; {@link TestStateException} for a malformed member. */
  public static TestStateRequest request(JsonNode body) {
    if (!body.isObject()) {
      throw validation("The request body must be a JSON object");
    }
    TestStateRequest.Builder b = TestStateRequest.builder();
    String definition = text(body, "definition");
    if (definition == null) {
      throw validation("1 validation error detected: Value null at 'definition' failed to satisfy constraint: "
          + "Member must not be null");
    }
    b.definition(definition);
    b.stateName(text(body, "stateName"));
    b.roleArn(text(body, "roleArn"));
    b.input(json(body, "input", "Invalid State Machine Execution Input"));
    b.variables(json(body, "variables", "Invalid variables"));
    b.context(json(body, "context", "Invalid Context object provided"));
    String level = text(body, "inspectionLevel");
    if (level != null) {
      try {
        b.inspectionLevel(InspectionLevel.valueOf(level));
      } catch (IllegalArgumentException e) {
        throw validation("1 validation error detected: Value '" + level + "' at 'inspectionLevel' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
      }
    }
    b.revealSecrets(body.path("revealSecrets").asBoolean(false));
    JsonNode mock = body.get("mock");
    if (mock != null && mock.isObject()) {
      if (mock.has("result")) {
        b.mockResult(mock.get("result").isTextual() ? mock.get("result").asText() : Json.write(mock.get("result")));
      }
      JsonNode err = mock.get("errorOutput");
      if (err != null && err.isObject()) {
        b.mockError(text(err, "error"), text(err, "cause"));
      }
      String mode = text(mock, "fieldValidationMode");
      if (mode != null) {
        try {
          b.fieldValidationMode(TestStateRequest.FieldValidationMode.valueOf(mode));
        } catch (IllegalArgumentException e) {
          throw validation("1 validation error detected: Value '" + mode + "' at 'mock.fieldValidationMode' failed "
              + "to satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
        }
      }
    }
    JsonNode config = body.get("stateConfiguration");
    if (config != null && config.isObject()) {
      if (config.get("retrierRetryCount") != null && config.get("retrierRetryCount").isNumber()) {
        b.retrierRetryCount(config.get("retrierRetryCount").asInt());
      }
      b.errorCausedByState(text(config, "errorCausedByState"));
      if (config.get("mapIterationFailureCount") != null && config.get("mapIterationFailureCount").isNumber()) {
        b.mapIterationFailureCount(config.get("mapIterationFailureCount").asInt());
      }
      b.mapItemReaderData(text(config, "mapItemReaderData"));
    }
    return b.build();
  }

  /** The TestState response body: {@code output} and the inspection members as JSON text. */
  public static ObjectNode response(TestStateResult result) {
    ObjectNode out = Json.NODES.objectNode();
    result.output().ifPresent(o -> out.put("output", Json.write(o)));
    result.nextState().ifPresent(n -> out.put("nextState", n));
    out.put("status", result.status().name());
    result.error().ifPresent(e -> out.put("error", e));
    result.cause().ifPresent(c -> out.put("cause", c));
    if (!result.inspection().isEmpty()) {
      ObjectNode inspection = out.putObject("inspectionData");
      Iterator<Map.Entry<String, JsonNode>> it = result.inspection().asJson().properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (JSON_TEXT_MEMBERS.contains(e.getKey())) {
          inspection.put(e.getKey(), Json.write(e.getValue()));
        } else {
          inspection.set(e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }

  /**
   * A TestState response body back to a result (the inverse of {@link #response}): JSON-text members
   * are parsed, other inspection members kept as they are. Used where another service answered.
   */
  public static TestStateResult result(JsonNode body) {
    ObjectNode inspection = Json.NODES.objectNode();
    body.path("inspectionData").properties().forEach(e -> {
      JsonNode v = e.getValue();
      if (v == null || v.isNull()) {
        return;
      }
      inspection.set(e.getKey(), JSON_TEXT_MEMBERS.contains(e.getKey()) && v.isTextual() ? parsedOrText(v.asText()) : v);
    });
    JsonNode output = body.get("output");
    return new TestStateResult(TestStateStatus.valueOf(body.path("status").asText("SUCCEEDED")),
        java.util.Optional.ofNullable(output == null || output.isNull() ? null
            : output.isTextual() ? parsedOrText(output.asText()) : output),
        java.util.Optional.ofNullable(text(body, "error")), java.util.Optional.ofNullable(text(body, "cause")),
        java.util.Optional.ofNullable(text(body, "nextState")), new io.github.sfntest.teststate.InspectionData(inspection));
  }

  private static JsonNode parsedOrText(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return Json.NODES.textNode(text);
    }
  }

  /** The request body of a request: the inverse of {@link #request}, for sending it to another service. */
  public static ObjectNode body(TestStateRequest r) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("definition", r.definition());
    r.stateName().ifPresent(v -> out.put("stateName", v));
    r.roleArn().ifPresent(v -> out.put("roleArn", v));
    r.input().ifPresent(v -> out.put("input", Json.write(v)));
    r.variables().ifPresent(v -> out.put("variables", Json.write(v)));
    r.context().ifPresent(v -> out.put("context", Json.write(v)));
    r.inspectionLevel().ifPresent(v -> out.put("inspectionLevel", v.name()));
    if (r.revealSecrets()) {
      out.put("revealSecrets", true);
    }
    if (r.mockResult().isPresent() || r.hasMockError() || r.fieldValidationMode().isPresent()) {
      ObjectNode mock = out.putObject("mock");
      r.mockResult().ifPresent(v -> mock.put("result", v));
      if (r.hasMockError()) {
        ObjectNode err = mock.putObject("errorOutput");
        r.mockErrorName().ifPresent(v -> err.put("error", v));
        r.mockErrorCause().ifPresent(v -> err.put("cause", v));
      }
      r.fieldValidationMode().ifPresent(v -> mock.put("fieldValidationMode", v.name()));
    }
    ObjectNode config = Json.NODES.objectNode();
    r.retrierRetryCount().ifPresent(v -> config.put("retrierRetryCount", v));
    r.errorCausedByState().ifPresent(v -> config.put("errorCausedByState", v));
    r.mapIterationFailureCount().ifPresent(v -> config.put("mapIterationFailureCount", v));
    r.mapItemReaderData().ifPresent(v -> config.put("mapItemReaderData", v));
    if (!config.isEmpty()) {
      out.set("stateConfiguration", config);
    }
    return out;
  }

  /** The wire error body of a refused request. */
  public static ObjectNode error(TestStateException e) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("__type", e.code());
    out.put("message", e.getMessage());
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static JsonNode json(JsonNode body, String field, String what) {
    String text = text(body, field);
    if (text == null) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw validation(what + ": '" + e.getMessage() + "'");
    }
  }

  private static TestStateException validation(String message) {
    return new TestStateException("ValidationException", message);
  }
}
