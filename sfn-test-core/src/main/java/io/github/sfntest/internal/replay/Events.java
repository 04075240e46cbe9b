package io.github.sfntest.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.util.Iterator;
import java.util.Map;

/** Reading raw GetExecutionHistory events, as AWS prints them or as anonymised recordings hold them. */
final class Events {

  private Events() {}

  static String type(JsonNode event) {
    return event.path("type").asText();
  }

  /** The {@code *EventDetails} object, or an empty object. */
  static JsonNode details(JsonNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> it = event.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().endsWith("EventDetails") && field.getValue().isObject()) {
        return field.getValue();
      }
    }
    return Json.NODES.objectNode();
  }

  /** The event id, or -1 where a recording normalised it away (e.g. {@code [0]}). */
  static long id(JsonNode event) {
    JsonNode id = event.get("id");
    return id != null && id.canConvertToLong() && id.isIntegralNumber() ? id.asLong() : -1;
  }

  static long previousId(JsonNode event) {
    JsonNode id = event.get("previousEventId");
    return id != null && id.isIntegralNumber() ? id.asLong() : -1;
  }

  /**
   * A payload field ({@code input}, {@code output}, {@code parameters}) as JSON: AWS prints payloads
   * as JSON strings, anonymised recordings may hold them parsed; text that is not JSON stays a string.
   */
  static JsonNode payload(JsonNode details, String field) {
    JsonNode value = details.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() ? parseOrText(value.asText()) : value;
  }

  static JsonNode parseOrText(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return Json.NODES.textNode(text);
    }
  }

  static boolean isStateEntered(String type) {
    return type.endsWith("StateEntered");
  }

  static boolean isStateExited(String type) {
    return type.endsWith("StateExited");
  }

  static String stateName(JsonNode event) {
    return details(event).path("name").asText(null);
  }

  /** An integration's answer: task, Lambda or activity succeeded. */
  static boolean isTaskSuccess(String type) {
    return type.equals("TaskSucceeded") || type.equals("LambdaFunctionSucceeded") || type.equals("ActivitySucceeded");
  }

  /** An integration's failure: failed, timed out, failed to start or submit. */
  static boolean isTaskFailure(String type) {
    boolean integration = type.startsWith("Task") || type.startsWith("LambdaFunction") || type.startsWith("Activity");
    return integration && !type.contains("State")
        && (type.endsWith("Failed") || type.endsWith("TimedOut"));
  }

  static Map<Long, JsonNode> byId(java.util.List<? extends JsonNode> events) {
    Map<Long, JsonNode> byId = new java.util.HashMap<>();
    for (JsonNode event : events) {
      long id = id(event);
      if (id >= 0) {
        byId.put(id, event);
      }
    }
    return byId;
  }

  /**
   * The state an event belongs to: follows {@code previousEventId} back to a {@code *StateEntered}
   * event; null where the chain is broken (ids normalised away by an anonymised recording).
   */
  static String owner(JsonNode event, Map<Long, JsonNode> byId) {
    long previous = previousId(event);
    for (int hops = 0; previous > 0 && hops <= byId.size(); hops++) {
      JsonNode before = byId.get(previous);
      if (before == null) {
        return null;
      }
      if (isStateEntered(type(before))) {
        return stateName(before);
      }
      previous = previousId(before);
    }
    return null;
  }

  static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode o ? o : Json.NODES.objectNode();
  }
}
