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

  // Compact (32 bytes): an execution keeps one per event while it runs. Ids fit an int (a history
  // of 2^31 events would not fit in memory); details and their pending builder share one field.
  private final int id;
  private final int previousEventId;
  private final Instant timestamp;
  private final HistoryEventType type;
  /** The details ObjectNode, a {@code Supplier<ObjectNode>} that builds them, or null. */
  private volatile Object details;

  /**
   * @param details the {@code *EventDetails} object, or {@code null} for types that carry none
   * @param id the event id, from 1
   * @param previousEventId the id of the event this one follows, 0 for none
   * @param timestamp when the event happened
   * @param type the event type
   */
  public HistoryEvent(
      long id, long previousEventId, Instant timestamp, HistoryEventType type, ObjectNode details) {
    this(id, previousEventId, timestamp, type, (Object) details);
  }

  private HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type, Object details) {
    this.id = Math.toIntExact(id);
    this.previousEventId = Math.toIntExact(previousEventId);
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.type = Objects.requireNonNull(type, "type");
    this.details = details;
  }

  /**
   * An event whose details are built on first access: engines record payloads as JSON trees and
   * render the JSON strings AWS shows only when someone reads them.
   *
   * @param id the event id, from 1
   * @param previousEventId the id of the event this one follows, 0 for none
   * @param timestamp when the event happened
   * @param type the event type
   * @param details builds the details object when it is first read
   * @return the event
   */
  public static HistoryEvent withLazyDetails(long id, long previousEventId, Instant timestamp, HistoryEventType type,
      java.util.function.Supplier<ObjectNode> details) {
    return new HistoryEvent(id, previousEventId, timestamp, type, (Object) Objects.requireNonNull(details, "details"));
  }

  private ObjectNode details0() {
    Object d = details;
    if (d instanceof ObjectNode built) {
      return built;
    }
    if (d == null) {
      return null;
    }
    synchronized (this) {
      if (details instanceof java.util.function.Supplier<?> pending) {
        details = pending.get();
      }
      return (ObjectNode) details;
    }
  }

  /**
   * The event id: 1 for the first event, one more for each next.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * The id of the event this one follows (AWS's {@code previousEventId}), 0 for the first.
   *
   * @return the previous event's id
   */
  public long previousEventId() {
    return previousEventId;
  }

  /**
   * When the event happened (virtual time on the in-process engine).
   *
   * @return the timestamp
   */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * The event type.
   *
   * @return the type
   */
  public HistoryEventType type() {
    return type;
  }

  /**
   * The details object as AWS spells it (read-only by convention); empty for types without.
   *
   * @return the details, or empty
   */
  public Optional<ObjectNode> details() {
    return Optional.ofNullable(details0());
  }

  /**
   * A text field of the details object ({@code name}, {@code error}, {@code resource}...).
   *
   * @param field the field name within the details object
   * @return the field's text, empty when absent
   */
  public Optional<String> detail(String field) {
    ObjectNode details = details0();
    if (details == null) {
      return Optional.empty();
    }
    JsonNode value = details.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /**
   * The state name of a {@code *StateEntered}/{@code *StateExited} event.
   *
   * @return the state name, empty for other events
   */
  public Optional<String> stateName() {
    return type.isStateEntered() || type.isStateExited() ? detail("name") : Optional.empty();
  }

  /**
   * The {@code input} payload, parsed.
   *
   * @return the input, empty when the event has none
   */
  public Optional<JsonNode> input() {
    return detail("input").map(Json::parse);
  }

  /**
   * The {@code output} payload, parsed.
   *
   * @return the output, empty when the event has none
   */
  public Optional<JsonNode> output() {
    return detail("output").map(Json::parse);
  }

  /**
   * The {@code error} of a failure event.
   *
   * @return the error, empty when the event has none
   */
  public Optional<String> error() {
    return detail("error");
  }

  /**
   * The {@code cause} of a failure event.
   *
   * @return the cause, empty when the event has none
   */
  public Optional<String> cause() {
    return detail("cause");
  }

  /**
   * This event as one item of GetExecutionHistory's {@code events} list.
   *
   * @return the event as JSON
   */
  public ObjectNode toJson() {
    ObjectNode node = Json.NODES.objectNode();
    node.put("timestamp", timestamp.toString());
    node.put("type", type.awsName());
    node.put("id", id);
    node.put("previousEventId", previousEventId);
    ObjectNode details = details0();
    type.detailsKey().ifPresent(key -> node.set(key, details == null ? Json.NODES.objectNode() : details));
    return node;
  }

  /**
   * Reads one GetExecutionHistory item (as printed by the AWS CLI or our own {@link #toJson}).
   *
   * @param node one item of an {@code events} list
   * @return the event
   */
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
