package io.github.sfntest.internal.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK model objects back to the JSON the API sent: every member under its wire name, so an SDK
 * {@code HistoryEvent} becomes exactly a GetExecutionHistory item and reads into our model.
 */
public final class SdkJson {
  private SdkJson() {}

  public static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode node = Json.NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      // absent lists and maps read as auto-constructed empty ones: they were not on the wire
      if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
        node.set(field.locationName(), value(value));
      }
    }
    return node;
  }

  private static JsonNode value(Object value) {
    if (value instanceof SdkPojo p) {
      return toJson(p);
    }
    if (value instanceof String s) {
      return Json.NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return Json.NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      // as our JSON parser reads it: an int node when it fits, so details compare equal across engines
      return l == l.intValue() ? Json.NODES.numberNode(l.intValue()) : Json.NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return Json.NODES.numberNode(BigDecimal.valueOf(d));
    }
    if (value instanceof Float f) {
      return Json.NODES.numberNode(BigDecimal.valueOf(f));
    }
    if (value instanceof Instant t) {
      return Json.NODES.textNode(t.toString());
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = Json.NODES.objectNode();
      m.forEach((k, v) -> o.set(String.valueOf(k), v == null ? Json.NODES.nullNode() : value(v)));
      return o;
    }
    if (value instanceof Collection<?> c) {
      ArrayNode a = Json.NODES.arrayNode();
      c.forEach(v -> a.add(v == null ? Json.NODES.nullNode() : value(v)));
      return a;
    }
    return Json.NODES.textNode(String.valueOf(value));
  }

  /** An SDK history event as one of ours. */
  public static HistoryEvent event(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
    ObjectNode node = toJson(event);
    if (event.timestamp() != null) {
      node.put("timestamp", event.timestamp().toString());
    }
    if (!node.has("previousEventId")) {
      node.put("previousEventId", 0);
    }
    return HistoryEvent.fromJson(node);
  }
}
