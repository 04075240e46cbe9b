package io.github.sfntest.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;


/** Compiles JSONPath Choice rules; see {@link ChoiceRule} for the semantics. */
final class ChoiceRules {

  private ChoiceRules() {}

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  static ChoiceRule compile(JsonNode rule) {
    if (rule == null || !rule.isObject()) {
      throw new IllegalArgumentException("A Choice rule must be an object");
    }
    if (rule.has("And")) {
      ChoiceRule[] parts = compileAll(rule.get("And"), "And");
      return scope -> {
        for (ChoiceRule part : parts) {
          if (!part.matches(scope)) {
            return false;
          }
        }
        return true;
      };
    }
    if (rule.has("Or")) {
      ChoiceRule[] parts = compileAll(rule.get("Or"), "Or");
      return scope -> {
        for (ChoiceRule part : parts) {
          if (part.matches(scope)) {
            return true;
          }
        }
        return false;
      };
    }
    if (rule.has("Not")) {
      ChoiceRule inner = compile(rule.get("Not"));
      return scope -> !inner.matches(scope);
    }
    JsonNode variable = rule.get("Variable");
    if (variable == null || !variable.isTextual()) {
      throw new IllegalArgumentException("A Choice rule needs a string 'Variable' or And/Or/Not");
    }
    CompiledPath path = CompiledPath.compileReference(variable.textValue());
    Iterator<Map.Entry<String, JsonNode>> fields = rule.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("Variable") || name.equals("Next") || name.equals("Comment") || name.equals("Assign")) {
        continue;
      }
      return compileComparison(path, name, field.getValue());
    }
    throw new IllegalArgumentException("A Choice rule with a Variable needs a comparison operator");
  }

  private static ChoiceRule[] compileAll(JsonNode rules, String operator) {
    if (rules == null || !rules.isArray() || rules.isEmpty()) {
      throw new IllegalArgumentException("'" + operator + "' needs a non-empty array of rules");
    }
    List<ChoiceRule> out = new ArrayList<>();
    rules.forEach(r -> out.add(compile(r)));
    return out.toArray(new ChoiceRule[0]);
  }

  /** Compares the variable's value with an operand; both present, either maybe of any type. */
  private interface Test {
    boolean test(JsonNode value, JsonNode operand);
  }

  private static ChoiceRule compileComparison(CompiledPath variable, String operator, JsonNode operand) {
    if (operator.equals("IsPresent")) {
      boolean expected = booleanOperand(operator, operand);
      return scope -> (variable.find(scope) != null) == expected;
    }
    if (operator.startsWith("Is")) {
      boolean expected = booleanOperand(operator, operand);
      java.util.function.Predicate<JsonNode> is = typeTest(operator);
      return scope -> is.test(value(variable, scope)) == expected;
    }
    boolean isPath = operator.endsWith("Path");
    String base = isPath ? operator.substring(0, operator.length() - 4) : operator;
    Test test = comparison(base, isPath ? null : operand);
    if (isPath) {
      if (base.equals("StringMatches") || !operand.isTextual()) {
        throw new IllegalArgumentException("Unsupported or malformed Choice operator: " + operator);
      }
      CompiledPath other = CompiledPath.compileReference(operand.textValue());
      return scope -> test.test(value(variable, scope), value(other, scope));
    }
    checkLiteral(base, operand);
    return scope -> test.test(value(variable, scope), operand);
  }

  private static JsonNode value(CompiledPath path, EvaluationScope scope) {
    JsonNode value = path.find(scope);
    if (value == null) {
      throw new StatesException(
          "States.Runtime",
          "Invalid path '" + path.text() + "': The choice state's condition path references an invalid value.");
    }
    return value;
  }

  private static boolean booleanOperand(String operator, JsonNode operand) {
    if (!operand.isBoolean()) {
      throw new IllegalArgumentException("The value of '" + operator + "' must be a boolean");
    }
    return operand.booleanValue();
  }

  private static java.util.function.Predicate<JsonNode> typeTest(String operator) {
    switch (operator) {
      case "IsNull":
        return JsonNode::isNull;
      case "IsNumeric":
        return JsonNode::isNumber;
      case "IsString":
        return JsonNode::isTextual;
      case "IsBoolean":
        return JsonNode::isBoolean;
      case "IsTimestamp":
        return v -> v.isTextual() && parseTimestamp(v.textValue()) != null;
      default:
        throw new IllegalArgumentException("Unknown Choice operator: " + operator);
    }
  }

  private static void checkLiteral(String base, JsonNode operand) {
    boolean ok;
    if (base.startsWith("String") || base.startsWith("Timestamp")) {
      ok = operand.isTextual() && (!base.startsWith("Timestamp") || parseTimestamp(operand.textValue()) != null);
    } else if (base.startsWith("Numeric")) {
      ok = operand.isNumber();
    } else {
      ok = operand.isBoolean();
    }
    if (!ok) {
      throw new IllegalArgumentException("Invalid value for Choice operator '" + base + "': " + operand);
    }
  }

  private static Test comparison(String base, JsonNode literal) {
    switch (base) {
      case "StringEquals":
        return strings(c -> c == 0);
      case "StringLessThan":
        return strings(c -> c < 0);
      case "StringGreaterThan":
        return strings(c -> c > 0);
      case "StringLessThanEquals":
        return strings(c -> c <= 0);
      case "StringGreaterThanEquals":
        return strings(c -> c >= 0);
      case "StringMatches":
        if (literal == null || !literal.isTextual()) {
          throw new IllegalArgumentException("StringMatches needs a string pattern");
        }
        Pattern pattern = wildcard(literal.textValue());
        return (v, o) -> v.isTextual() && pattern.matcher(v.textValue()).matches();
      case "NumericEquals":
        return numbers(c -> c == 0);
      case "NumericLessThan":
        return numbers(c -> c < 0);
      case "NumericGreaterThan":
        return numbers(c -> c > 0);
      case "NumericLessThanEquals":
        return numbers(c -> c <= 0);
      case "NumericGreaterThanEquals":
        return numbers(c -> c >= 0);
      case "BooleanEquals":
        return (v, o) -> v.isBoolean() && o.isBoolean() && v.booleanValue() == o.booleanValue();
      case "TimestampEquals":
        return timestamps(c -> c == 0);
      case "TimestampLessThan":
        return timestamps(c -> c < 0);
      case "TimestampGreaterThan":
        return timestamps(c -> c > 0);
      case "TimestampLessThanEquals":
        return timestamps(c -> c <= 0);
      case "TimestampGreaterThanEquals":
        return timestamps(c -> c >= 0);
      default:
        throw new IllegalArgumentException("Unknown Choice operator: " + base);
    }
  }

  private static Test strings(java.util.function.IntPredicate accept) {
    return (v, o) -> v.isTextual() && o.isTextual() && accept.test(v.textValue().compareTo(o.textValue()));
  }

  private static Test numbers(java.util.function.IntPredicate accept) {
    // Exact comparison by value: 1 == 1.0, and no double rounding. Two int/long nodes (the
    // common loop counter) compare as longs, without a BigDecimal per side.
    return (v, o) -> v.isNumber() && o.isNumber() && accept.test(compareNumbers(v, o));
  }

  private static int compareNumbers(JsonNode v, JsonNode o) {
    if ((v.isInt() || v.isLong()) && (o.isInt() || o.isLong())) {
      return Long.compare(v.longValue(), o.longValue());
    }
    return v.decimalValue().compareTo(o.decimalValue());
  }

  private static Test timestamps(java.util.function.IntPredicate accept) {
    return (v, o) -> {
      if (!v.isTextual() || !o.isTextual()) {
        return false;
      }
      OffsetDateTime a = parseTimestamp(v.textValue());
      OffsetDateTime b = parseTimestamp(o.textValue());
      return a != null && b != null && accept.test(a.toInstant().compareTo(b.toInstant()));
    };
  }

  /** ISO-8601 extended offset date-time (a zone offset or Z is required), else null. */
  static OffsetDateTime parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text, TIMESTAMP);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        flush(regex, literal);
        regex.append(".*");
      } else {
        literal.append(c);
      }
    }
    flush(regex, literal);
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
