package io.github.sfntest.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads the AWS-recorded histories in {@code src/test/resources/.../aws}: payloads the recorder
 * parsed into objects become JSON strings again, and event {@code i} gets timestamp
 * 2024-01-01T00:00:00Z + i seconds.
 */
final class AwsHistories {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private AwsHistories() {}

  static ExecutionResult load(String caseId, String executionName, String stateMachine) {
    JsonNode root;
    try (InputStream in = AwsHistories.class.getResourceAsStream("aws/" + caseId + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + caseId);
      }
      root = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<HistoryEvent> events = new ArrayList<>();
    int i = 0;
    for (JsonNode item : root.get("events")) {
      ObjectNode event = item.deepCopy();
      event.put("timestamp", START.plusSeconds(i++).toString());
      Iterator<Map.Entry<String, JsonNode>> fields = event.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().endsWith("EventDetails") && field.getValue() instanceof ObjectNode details) {
          restorePayloads(details);
        }
      }
      events.add(HistoryEvent.fromJson(event));
    }
    ExecutionHistory history = new ExecutionHistory(events);
    JsonNode output = root.get("output");
    JsonNode cause = root.get("cause");
    return io.github.sfntest.internal.result.Results.execution(
        "arn:aws:states:us-east-1:111111111111:execution:" + stateMachine + ":" + executionName,
        stateMachine,
        ExecutionStatus.valueOf(root.get("status").asText()),
        events.get(0).input().orElse(null),
        output == null || output.isNull() ? null : output,
        text(root.get("error")),
        text(cause),
        events.get(0).timestamp(),
        events.get(events.size() - 1).timestamp(),
        history);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.asText() : Json.write(node);
  }

  private static void restorePayloads(ObjectNode details) {
    List<String> keys = new ArrayList<>();
    details.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode value = details.get(key);
      if (key.equals("assignedVariables") && value instanceof ObjectNode variables) {
        List<String> names = new ArrayList<>();
        variables.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (variables.get(name).isObject()) {
            variables.put(name, Json.write(variables.get(name)));
          }
        }
      } else if (!key.endsWith("Details") && value.isObject()) {
        details.put(key, Json.write(value));
      }
    }
  }
}
