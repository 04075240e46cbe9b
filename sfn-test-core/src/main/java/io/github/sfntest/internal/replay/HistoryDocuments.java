package io.github.sfntest.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recorded history text: {@code {"events": [...]}} as {@code aws stepfunctions
 * get-execution-history} prints it (several pages concatenated one after the other, or as a JSON
 * array of pages), or a bare array of events. Each problem is reported with what was expected.
 */
public final class HistoryDocuments {

  private HistoryDocuments() {}

  /** The events of {@code text}, in file order; {@code source} names the text in messages. */
  public static List<ObjectNode> events(String source, String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class)
        .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValues(text)) {
      while (it.hasNextValue()) {
        documents.add(it.nextValue());
      }
    } catch (JsonProcessingException e) {
      throw new HistoryFormatException(source + " is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"));
    } catch (IOException | RuntimeException e) {
      throw new HistoryFormatException(source + " is not valid JSON: " + e.getMessage());
    }
    if (documents.isEmpty()) {
      throw new HistoryFormatException(source + " is empty; expected {\"events\": [...]} as"
          + " `aws stepfunctions get-execution-history` prints it, or an array of events");
    }
    List<ObjectNode> events = new ArrayList<>();
    for (JsonNode document : documents) {
      collect(source, document, events, true);
    }
    if (events.isEmpty()) {
      throw new HistoryFormatException(source + " has no events");
    }
    for (int i = 0; i < events.size(); i++) {
      ObjectNode event = events.get(i);
      if (!event.path("type").isTextual()) {
        throw new HistoryFormatException(source + ": event " + i + " has no \"type\"; expected an item of"
            + " GetExecutionHistory's events, e.g. {\"id\": 1, \"type\": \"ExecutionStarted\", ...}");
      }
    }
    return events;
  }

  private static void collect(String source, JsonNode document, List<ObjectNode> events, boolean top) {
    if (document.isObject() && document.has("events")) {
      JsonNode list = document.get("events");
      if (!list.isArray()) {
        throw new HistoryFormatException(source + ": \"events\" is " + list.getNodeType().name().toLowerCase()
            + ", not an array of events");
      }
      collect(source, list, events, false);
    } else if (document.isArray()) {
      for (JsonNode item : document) {
        if (item.isObject() && item.has("events")) {
          collect(source, item, events, false); // an array of pages
        } else if (item.isObject()) {
          events.add((ObjectNode) item);
        } else {
          throw new HistoryFormatException(source + ": an event is " + item.getNodeType().name().toLowerCase()
              + ", not an object");
        }
      }
    } else if (document.isObject() && (document.has("type") || document.has("id") || document.has("previousEventId"))) {
      events.add((ObjectNode) document); // an event of a bare array (read element by element)
    } else {
      throw new HistoryFormatException(source + " is not a history: expected {\"events\": [...]} as"
          + " `aws stepfunctions get-execution-history` prints it, or an array of events");
    }
  }
}
