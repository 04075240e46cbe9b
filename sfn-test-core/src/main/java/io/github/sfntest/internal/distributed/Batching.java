package io.github.sfntest.internal.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ItemBatcher}: groups items into {@code {"BatchInput": ..., "Items": [...]}} child
 * inputs, closing a batch when it holds {@code MaxItemsPerBatch} items or when one more item would
 * make its JSON exceed {@code MaxInputBytesPerBatch} bytes.
 */
public final class Batching {
  private Batching() {}

  /** AWS's cap on MaxInputBytesPerBatch (256 KiB, a state's payload limit). */
  public static final int MAX_BYTES_LIMIT = 262_144;

  /** One child input and how many items it carries. */
  public record Batch(ObjectNode input, int itemCount) {}

  /**
   * @param maxItems MaxItemsPerBatch, or null
   * @param maxBytes MaxInputBytesPerBatch, or null (AWS then still caps a batch at 256 KiB)
   * @param batchInput the evaluated BatchInput, or null
   * @throws IllegalArgumentException with the reason when one item alone is over the byte limit
   */
  public static List<Batch> batch(List<JsonNode> items, Integer maxItems, Integer maxBytes, JsonNode batchInput) {
    int itemLimit = maxItems == null || maxItems <= 0 ? Integer.MAX_VALUE : maxItems;
    int byteLimit = maxBytes == null || maxBytes <= 0 ? MAX_BYTES_LIMIT : maxBytes;
    // {"BatchInput":<x>,"Items":[ ... ]}: the fixed part, then each item plus its comma.
    int overhead = "{\"Items\":[]}".length() + (batchInput == null ? 0 : "\"BatchInput\":,".length() + size(batchInput));
    List<Batch> batches = new ArrayList<>();
    ArrayNode current = null;
    int currentBytes = 0;
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      int itemBytes = size(item);
      if (overhead + itemBytes > byteLimit) {
        throw new IllegalArgumentException("Item " + i + " is " + itemBytes
            + " bytes: a batch holding it exceeds MaxInputBytesPerBatch (" + byteLimit + " bytes).");
      }
      if (current != null
          && (current.size() >= itemLimit || currentBytes + 1 + itemBytes > byteLimit)) {
        batches.add(close(current, batchInput));
        current = null;
      }
      if (current == null) {
        current = Json.NODES.arrayNode();
        currentBytes = overhead;
      } else {
        currentBytes += 1; // the comma
      }
      current.add(item);
      currentBytes += itemBytes;
    }
    if (current != null) {
      batches.add(close(current, batchInput));
    }
    return batches;
  }

  private static Batch close(ArrayNode items, JsonNode batchInput) {
    ObjectNode input = Json.NODES.objectNode();
    if (batchInput != null) {
      input.set("BatchInput", batchInput);
    }
    input.set("Items", items);
    return new Batch(input, items.size());
  }

  private static int size(JsonNode node) {
    return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
  }
}
