package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tags of each resource ARN, in the order they were first set; thread-safe. */
final class TagStore {

  private final Map<String, List<ObjectNode>> tags = new ConcurrentHashMap<>();

  /** Adds or replaces (by key) the tags of {@code list}, each {@code {"key": .., "value": ..}}. */
  void put(String arn, JsonNode list) {
    List<ObjectNode> current = tags.computeIfAbsent(arn, k -> Collections.synchronizedList(new ArrayList<>()));
    for (JsonNode t : list) {
      if (!t.isObject() || !t.path("key").isTextual()) {
        throw new ApiException("SerializationException", "Each tag must be an object {\"key\": string, \"value\": string}");
      }
      current.removeIf(x -> x.path("key").asText().equals(t.path("key").asText()));
      current.add((ObjectNode) t);
    }
  }

  void remove(String arn, JsonNode keys) {
    List<ObjectNode> current = tags.getOrDefault(arn, new ArrayList<>());
    for (JsonNode k : keys) {
      current.removeIf(t -> t.path("key").asText().equals(k.asText()));
    }
  }

  List<ObjectNode> of(String arn) {
    return tags.getOrDefault(arn, List.of());
  }

  /** Forgets a deleted resource's tags. */
  void forget(String arn) {
    tags.remove(arn);
  }
}
