package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** How values read in messages, and the value tests several rules share. */
final class Values {

  /** The largest number of seconds AWS accepts in TimeoutSeconds, Seconds, IntervalSeconds... */
  static final long MAX_SECONDS = 99_999_999L;

  /** An ARN: partition, service, region, account, resource; region and account may be empty. */
  static final Pattern ARN = Pattern.compile("^arn:[^:\\s]+:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S+$");

  private Values() {}

  /** "the string "x"", "an object", "the number 1"...: what a message says was found. */
  static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      return "the string \"" + PathSyntax.abbreviate(n.asText()) + "\"";
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isNumber() ? "the number " + n.asText() : n.isBoolean() ? "the boolean " + n.asText() : n.getNodeType().toString();
  }

  static String placeholderHint(JsonNode n) {
    if (n != null && n.isTextual() && n.asText().contains("${")) {
      return "; the value looks like an unsubstituted ${...} placeholder: a DefinitionSubstitution"
          + " may be missing";
    }
    return "";
  }

  static String jsonataHint(JsonNode n, QueryLanguage q) {
    if (q == QueryLanguage.JSONPATH && n != null && n.isTextual() && n.asText().startsWith("{%")) {
      return "; {% %} expressions need \"QueryLanguage\": \"JSONata\"";
    }
    return "";
  }

  static boolean isIntegral(JsonNode v) {
    if (v.isIntegralNumber()) {
      return true;
    }
    if (!Double.isFinite(v.asDouble())) {
      return false;
    }
    BigDecimal d = v.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  static boolean isExpression(String s) {
    return s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  static boolean isTimestamp(String s) {
    if (s.indexOf('T') < 0) {
      return false;
    }
    try {
      OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Pointer of the first key ending ".$" anywhere inside {@code n}, or null. */
  static String firstDollarKey(JsonNode n, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return null;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith(".$")) {
          return child(ptr, e.getKey());
        }
        String inner = firstDollarKey(e.getValue(), child(ptr, e.getKey()), depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String inner = firstDollarKey(n.get(i), child(ptr, i), depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

}
