package io.github.sfntest.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Structural differences between two JSON values, for failure messages: one line per difference
 * with its JSONPath, instead of two long lines to compare by eye. Object key order never matters;
 * numbers compare by value ({@code 1} equals {@code 1.0}).
 */
public final class JsonDiff {

  /** How to compare. */
  public enum Mode {
    /** Same keys everywhere, same values, same array lengths and order. */
    STRICT,
    /** Like STRICT, but the actual value may have object fields the expected one does not list. */
    LENIENT
  }

  /** One difference at {@code path}. */
  public record Difference(String path, String description) {
    @Override
    public String toString() {
      return path + ": " + description;
    }
  }

  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
  private static final int MAX_LINES = 20;

  private JsonDiff() {}

  public static List<Difference> diff(JsonNode expected, JsonNode actual, Mode mode) {
    List<Difference> differences = new ArrayList<>();
    compare("$", expected, actual, mode, differences);
    return differences;
  }

  /** True if there is no difference. */
  public static boolean matches(JsonNode expected, JsonNode actual, Mode mode) {
    return diff(expected, actual, mode).isEmpty();
  }

  /** Block of lines {@code "JSON differences (n):"} then {@code "  path: description"}. */
  public static String render(List<Difference> differences) {
    StringBuilder out = new StringBuilder("JSON differences (" + differences.size() + "):");
    for (int i = 0; i < differences.size() && i < MAX_LINES; i++) {
      out.append("\n  ").append(differences.get(i));
    }
    if (differences.size() > MAX_LINES) {
      out.append("\n  ... and ").append(differences.size() - MAX_LINES).append(" more");
    }
    return out.toString();
  }

  private static void compare(
      String path, JsonNode expected, JsonNode actual, Mode mode, List<Difference> out) {
    if (expected.isObject() && actual.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = child(path, field.getKey());
        JsonNode other = actual.get(field.getKey());
        if (other == null) {
          out.add(new Difference(child, "missing, expected " + value(field.getValue())));
        } else {
          compare(child, field.getValue(), other, mode, out);
        }
      }
      if (mode == Mode.STRICT) {
        Iterator<Map.Entry<String, JsonNode>> actualFields = actual.properties().iterator();
        while (actualFields.hasNext()) {
          Map.Entry<String, JsonNode> field = actualFields.next();
          if (!expected.has(field.getKey())) {
            out.add(
                new Difference(
                    child(path, field.getKey()), "unexpected field with value " + value(field.getValue())));
          }
        }
      }
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      int common = Math.min(expected.size(), actual.size());
      for (int i = 0; i < common; i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), mode, out);
      }
      if (expected.size() != actual.size()) {
        StringBuilder text =
            new StringBuilder(
                "expected " + count(expected.size()) + " but was " + count(actual.size()));
        if (actual.size() > expected.size()) {
          text.append(", unexpected ").append(value(actual.get(common)));
          if (actual.size() > common + 1) {
            text.append(" ...");
          }
        } else {
          text.append(", missing ").append(value(expected.get(common)));
          if (expected.size() > common + 1) {
            text.append(" ...");
          }
        }
        out.add(new Difference(path, text.toString()));
      }
      return;
    }
    if (!sameScalar(expected, actual)) {
      out.add(new Difference(path, "expected " + value(expected) + " but was " + value(actual)));
    }
  }

  private static boolean sameScalar(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return toDecimal(expected).compareTo(toDecimal(actual)) == 0;
    }
    return expected.equals(actual);
  }

  private static BigDecimal toDecimal(JsonNode number) {
    return number.isBigDecimal() || number.isFloatingPointNumber()
        ? number.decimalValue()
        : new BigDecimal(number.bigIntegerValue());
  }

  private static String count(int n) {
    return n + (n == 1 ? " element" : " elements");
  }

  static String child(String path, String key) {
    return SIMPLE_KEY.matcher(key).matches()
        ? path + "." + key
        : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** Compact JSON, shortened to 60 characters. */
  public static String value(JsonNode node) {
    return Text.abbreviate(Json.write(node), 60);
  }
}
