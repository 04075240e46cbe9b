package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Conversions of evaluated field values the executors share. */
final class Values {

  private Values() {}

  /** A string as is, any other value as JSON, null for null or missing. */
  static String textOf(JsonNode node) {
    return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : Json.write(node);
  }

  /** An integer, or a string holding one (AWS accepts both in *Path fields); else null. */
  static Integer wholeNumber(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.asInt();
    }
    if (value.isTextual()) {
      try {
        return Integer.valueOf(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** MaxConcurrencyPath's value as an integer, or the States.Runtime error AWS raises. */
  static int maxConcurrency(JsonNode value, String path) {
    Integer parsed = wholeNumber(value);
    if (parsed == null) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The MaxConcurrencyPath field refers to value " + (value == null ? "null" : "\"" + textOf(value) + "\"")
              + " which is not a valid integer: " + path);
    }
    return parsed;
  }

  static Instant parseTimestamp(String text, String field) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The " + field + " field cannot be parsed as an ISO-8601 extended offset date-time format string: " + text);
    }
  }
}
