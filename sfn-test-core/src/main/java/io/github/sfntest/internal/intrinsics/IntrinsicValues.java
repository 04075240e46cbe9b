package io.github.sfntest.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Argument checks, equality and text rendering shared by the intrinsic functions. */
final class IntrinsicValues {

  /**
   * The ASL specification's error for a failed intrinsic function ("Execution failed because an
   * Intrinsic Function failed"); path arguments that match nothing stay States.Runtime.
   */
  static final String ERROR = "States.IntrinsicFailure";

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  private IntrinsicValues() {}

  static StatesException failure(String function, String detail) {
    return new StatesException(ERROR, "Invalid arguments in " + function + ": " + detail);
  }

  static String typeName(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "null";
    };
  }

  static String text(String function, String argument, JsonNode node) {
    if (!node.isTextual()) {
      throw failure(function, "the " + argument + " must be a string, but was " + describe(node));
    }
    return node.textValue();
  }

  static JsonNode array(String function, String argument, JsonNode node) {
    if (!node.isArray()) {
      throw failure(function, "the " + argument + " must be an array, but was " + describe(node));
    }
    return node;
  }

  static JsonNode object(String function, String argument, JsonNode node) {
    if (!node.isObject()) {
      throw failure(function, "the " + argument + " must be a JSON object, but was " + describe(node));
    }
    return node;
  }

  /** An integer argument: the value must be integral and fit in a Java int. */
  static int integer(String function, String argument, JsonNode node) {
    if (!node.isNumber()) {
      throw failure(function, "the " + argument + " must be an integer, but was " + describe(node));
    }
    if (node.isInt()) {
      return node.intValue(); // integral and in range: no BigDecimal on the hot path
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw failure(function, "the " + argument + " must be an integer, but was " + render(node));
    }
    return inIntRange(function, argument, value);
  }

  /**
   * A number argument AWS rounds to the nearest integer the way Java's Math.round does (halves go
   * up: 0.5 -> 1, -0.5 -> 0, -1.5 -> -1), as the recorded MathAdd executions show.
   */
  static int rounded(String function, String argument, JsonNode node) {
    if (!node.isNumber()) {
      throw failure(function, "the " + argument + " must be a number, but was " + describe(node));
    }
    if (node.isInt()) {
      return node.intValue(); // already a rounded int: no BigDecimal on the hot path
    }
    BigDecimal value = node.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR);
    return inIntRange(function, argument, value);
  }

  private static int inIntRange(String function, String argument, BigDecimal value) {
    if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
      throw failure(
          function,
          "the " + argument + " must be between -2147483648 and 2147483647, but was "
              + value.toPlainString());
    }
    return value.intValueExact();
  }

  private static String describe(JsonNode node) {
    return typeName(node) + " " + Json.write(node);
  }

  /**
   * A key that is equal for equal JSON values: numbers by value (1, 1.0 and 1.00 alike), object
   * members regardless of order. Used by ArrayContains and ArrayUnique.
   */
  static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendCanonical(node, out);
    return out.toString();
  }

  private static void appendCanonical(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case NUMBER -> {
        BigDecimal value = node.decimalValue();
        out.append('n').append(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
      }
      case ARRAY -> {
        out.append('[');
        for (JsonNode element : node) {
          appendCanonical(element, out);
          out.append(',');
        }
        out.append(']');
      }
      case OBJECT -> {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        out.append('{');
        for (String name : names) {
          out.append(Json.write(Json.NODES.textNode(name))).append(':');
          appendCanonical(node.get(name), out);
          out.append(',');
        }
        out.append('}');
      }
      default -> out.append(Json.write(node));
    }
  }

  /**
   * How States.Format renders a value: strings raw, scalars as JSON text, arrays and objects the
   * way Java's List/Map toString does ({@code [a, 1]}, {@code {Arg1=1, Arg2=[]}}), as AWS records.
   */
  static String render(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendRendered(node, out);
    return out.toString();
  }

  private static void appendRendered(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case STRING -> out.append(node.textValue());
      case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString());
      case ARRAY -> {
        out.append('[');
        String separator = "";
        for (JsonNode element : node) {
          out.append(separator);
          appendRendered(element, out);
          separator = ", ";
        }
        out.append(']');
      }
      case OBJECT -> {
        out.append('{');
        String separator = "";
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          out.append(separator).append(field.getKey()).append('=');
          appendRendered(field.getValue(), out);
          separator = ", ";
        }
        out.append('}');
      }
      default -> out.append(Json.write(node));
    }
  }
}
