package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * The members of one request body, read with AWS's checks: a member of the wrong JSON type is a
 * {@code SerializationException}, a missing required member or an out-of-range value a {@code
 * ValidationException}.
 */
final class Req {

  private final ObjectNode body;

  Req(ObjectNode body) {
    this.body = body;
  }

  ObjectNode body() {
    return body;
  }

  /** A string member, or null when absent or JSON null. */
  String str(String field) {
    JsonNode v = member(field, JsonNode::isTextual, "a string");
    return v == null ? null : v.asText();
  }

  String required(String field) {
    String v = str(field);
    if (v == null) {
      throw ApiException.missing(field);
    }
    return v;
  }

  /** A string member of at most {@code max} characters. */
  String str(String field, int max) {
    String v = str(field);
    if (v != null && v.length() > max) {
      throw ApiException.validation("1 validation error detected: Value at '" + field
          + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
    }
    return v;
  }

  String required(String field, int max) {
    String v = str(field, max);
    if (v == null) {
      throw ApiException.missing(field);
    }
    return v;
  }

  /** A string member that must be one of {@code allowed} (listed in this order in the error). */
  String oneOf(String field, List<String> allowed, String defaultValue) {
    String v = str(field);
    if (v == null) {
      return defaultValue;
    }
    if (!allowed.contains(v)) {
      throw ApiException.validation("1 validation error detected: Value '" + v + "' at '" + field
          + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }
    return v;
  }

  boolean bool(String field, boolean defaultValue) {
    JsonNode v = member(field, JsonNode::isBoolean, "a boolean");
    return v == null ? defaultValue : v.asBoolean();
  }

  /** An integer member within [min, max], or {@code defaultValue}. */
  int integer(String field, int min, int max, int defaultValue) {
    JsonNode v = member(field, m -> m.isIntegralNumber() && m.canConvertToInt(), "an integer");
    if (v == null) {
      return defaultValue;
    }
    int n = v.asInt();
    if (n < min || n > max) {
      throw ApiException.validation("1 validation error detected: Value '" + n + "' at '" + field
          + "' failed to satisfy constraint: Member must have value " + (n < min ? "greater than or equal to " + min
          : "less than or equal to " + max));
    }
    return n;
  }

  /** An object member, or null. */
  ObjectNode object(String field) {
    return (ObjectNode) member(field, JsonNode::isObject, "an object");
  }

  /** An array member, or null. */
  JsonNode array(String field) {
    return member(field, JsonNode::isArray, "a list");
  }

  /** The member {@code field}, or null when absent or JSON null; SerializationException unless {@code ok}. */
  private JsonNode member(String field, Predicate<JsonNode> ok, String expected) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!ok.test(v)) {
      throw wrongType(field, expected, v);
    }
    return v;
  }

  private static ApiException wrongType(String field, String expected, JsonNode actual) {
    return new ApiException("SerializationException",
        "Member '" + field + "' must be " + expected + ", found " + describe(actual));
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return v.isNumber() ? "a number" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
