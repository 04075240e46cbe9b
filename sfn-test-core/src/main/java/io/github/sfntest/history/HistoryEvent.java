package io.github.sfntest.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of an execution's history, shaped exactly like an item of AWS {@code
 * GetExecutionHistory}: {@code id}, {@code previousEventId}, {@code timestamp}, {@code type} and
 * the type's details object with AWS's field names (payloads as JSON strings, {@code
 * inputDetails.truncated}, ...).
 */
public final class HistoryEvent {

  private final long id;
  private final long previousEventId;
  private final Instant timestamp;
  private final HistoryEventType type;
  private final ObjectNode details;

  /**
   * @param details the {@code *EventDetails} object, or {@code null} for types that carry none
   */
  public HistoryEvent(
      long id, long previousEventId, Instant timestamp, HistoryEventType type, ObjectNode details) {
    this.id = id;
    this.previousEventId = previousEventId;
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.type = Objects.requireNonNull(type, "type");
    this.details = details;
  }

  public long id() {
    return id;
  }

  public long previousEventId() {
    return previousEventId;
  }

  public Instant timestamp() {
    return timestamp;
  }

  public HistoryEventType type() {
    return type;
  }

  /** The details object as AWS spells it (read-only by convention); empty for types without. */
  public Optional<ObjectNode> details() {
    return Optional.ofNullable(details);
  }

  /** A text field of the details object ({@code name}, {@code error}, {@code resource}...). */
  public Optional<String> detail(String field) {
    if (details == null) {
      return Optional.empty();
    }
    JsonNode value = details.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** The state name of a {@code *StateEntered}/{@code *StateExited} event. */
  public Optional<String> stateName() {
    return type.isStateEntered() || type.isStateExited() ? detail("name") : Optional.empty();
  }

  /** The {@code input} payload, parsed. */
  public Optional<JsonNode> input() {
    return detail("input").map(Json::parse);
  }

  /** The {@code output} payload, parsed. */
  public Optional<JsonNode> output() {
    return detail("output").map(Json::parse);
  }

  public Optional<String> error() {
    return detail("error");
  }

  public Optional<String> cause() {
    return detail("cause");
  }

  /** This event as one item of GetExecutionHistory's {@code events} list. */
  public ObjectNode toJson() {
    ObjectNode node = Json.NODES.objectNode();
    node.put("timestamp", timestamp.toString());
    node.put("type", type.awsName());
    node.put("id", id);
    node.put("previousEventId", previousEventId);
    type.detailsKey().ifPresent(key -> node.set(key, details == null ? Json.NODES.objectNode() : details));
    return node;
  }

  /** Reads one GetExecutionHistory item (as printed by the AWS CLI or our own {@link #toJson}). */
  public static HistoryEvent fromJson(JsonNode node) {
    HistoryEventType type = HistoryEventType.fromAwsName(node.path("type").asText());
    JsonNode ts = node.get("timestamp");
    Instant timestamp = Instant.EPOCH;
    if (ts != null && ts.isNumber()) {
      timestamp = Instant.ofEpochMilli(Math.round(ts.asDouble() * 1000));
    } else if (ts != null && ts.isTextual()) {
      try {
        timestamp = java.time.OffsetDateTime.parse(ts.asText()).toInstant();
      } catch (DateTimeParseException e) {
        timestamp = Instant.EPOCH;
      }
    }
    JsonNode details = type.detailsKey().map(node::get).orElse(null);
    return new HistoryEvent(
        node.path("id").asLong(),
        node.path("previousEventId").asLong(),
        timestamp,
        type,
        details instanceof ObjectNode o ? o : null);
  }

  @Override
  public String toString() {
    return id + " " + type.awsName() + stateName().map(n -> " \"" + n + "\"").orElse("");
  }
}
