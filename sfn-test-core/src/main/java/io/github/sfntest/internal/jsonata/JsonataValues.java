package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson nodes and the plain Java values the dashjoin JSONata engine works on.
 *
 * <p>AWS evaluates JSONata with JavaScript numbers, so decimals become {@code double} on the way
 * in and come back rendered like JavaScript does ({@code 1.0} → {@code 1}, {@code -0} → {@code
 * 0}). Integers that fit a {@code long} stay exact. JSON {@code null} is {@link
 * Jsonata#NULL_VALUE}; Java {@code null} means JSONata's {@code undefined}.
 */
final class JsonataValues {

  private JsonataValues() {}

  /** Thrown when a result has no JSON representation (a function). */
  static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException() {
      super(null, null, false, false);
    }
  }

  /** Thrown when a result cannot be JSON under the engine's policy: not finite, or too deep. */
  static final class OutOfPolicyException extends RuntimeException {
    final String code;

    OutOfPolicyException(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  static Object toJsonata(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), toJsonata(e.getValue()));
        }
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(toJsonata(element));
        }
        return list;
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        return toJsonataNumber(node);
      case NULL:
        return Jsonata.NULL_VALUE;
      default:
        // POJO / binary nodes never appear in state data; treat them as their text.
        return node.asText();
    }
  }

  private static Object toJsonataNumber(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isBigDecimal()) {
      BigDecimal exact = node.decimalValue();
      // An integral decimal such as 2.0 or 1E+2 is still an exact integer.
      if (exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0) {
        try {
          return exact.longValueExact();
        } catch (ArithmeticException tooBig) {
          return exact.doubleValue();
        }
      }
    }
    return node.doubleValue();
  }

  /**
   * Converts an evaluation result to a node. {@code undefined} (Java {@code null}) is returned as
   * {@code null}; nested undefined values cannot occur (JSONata drops them from objects and arrays).
   */
  static JsonNode toNode(Object value) {
    if (value == null) {
      return null;
    }
    return toNodeDefined(value, 1);
  }

  private static JsonNode toNodeDefined(Object value, int depth) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return Json.NODES.nullNode();
    }
    if (value instanceof String s) {
      return Json.NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (value instanceof Number n) {
      return numberNode(n);
    }
    if (depth > Json.MAX_DEPTH && (value instanceof Map<?, ?> || value instanceof List<?>)) {
      throw new OutOfPolicyException("D1002", "Result nested deeper than " + Json.MAX_DEPTH
          + " levels of arrays and objects, the most a state's JSON may have");
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = Json.NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        // JSON.stringify drops undefined members; dashjoin normally never keeps them anyway.
        if (e.getValue() != null) {
          object.set(String.valueOf(e.getKey()), toNodeDefined(e.getValue(), depth + 1));
        }
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.NODES.arrayNode(list.size());
      for (Object element : list) {
        array.add(toNodeDefined(element, depth + 1));
      }
      return array;
    }
    throw new UnsupportedValueException();
  }

  static JsonNode numberNode(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return Json.NODES.numberNode(n.longValue());
    }
    if (n instanceof BigInteger big) {
      return Json.NODES.numberNode(big);
    }
    if (n instanceof BigDecimal dec) {
      return decimalNode(dec);
    }
    return doubleNode(n.doubleValue());
  }

  private static JsonNode doubleNode(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      // JSON.stringify would write null; a silent null hides the bug, so fail like jsonata-js's
      // arithmetic does (D1001) and as AWS reports a failed evaluation.
      throw new OutOfPolicyException("D1001", "Number out of range: " + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"));
    }
    if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return Json.NODES.numberNode((long) d);
    }
    // JavaScript prints the shortest digits that round-trip (zero-padded for large integers:
    // 2^60 -> 1152921504606847000), so do we.
    return decimalNode(shortest(d));
  }

  /** The shortest decimal that parses back to {@code d} (JDK 17's Double.toString is not). */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        return candidate;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static JsonNode decimalNode(BigDecimal dec) {
    BigDecimal stripped = dec.signum() == 0 ? BigDecimal.ZERO : dec.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger integer = stripped.toBigIntegerExact();
      return integer.bitLength() < 64
          ? Json.NODES.numberNode(integer.longValue())
          : Json.NODES.numberNode(integer);
    }
    return Json.NODES.numberNode(stripped);
  }

  /** The JSONata / JSON type name of a node, as AWS prints it in type errors. */
  static String typeName(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return "object";
      case ARRAY:
        return "array";
      case STRING:
        return "string";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      default:
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
