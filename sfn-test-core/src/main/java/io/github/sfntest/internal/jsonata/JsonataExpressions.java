package io.github.sfntest.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises {@code "{% expression %}"} strings, the only JSONata syntax in an ASL document. */
public final class JsonataExpressions {

  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  private JsonataExpressions() {}

  /**
   * True when the whole string is an expression: it starts with {@code {%} and ends with {@code
   * %}} with nothing outside (AWS treats {@code " {% x %} "} as a literal string).
   */
  public static boolean isExpression(String value) {
    return value != null
        && value.length() >= OPEN.length() + CLOSE.length()
        && value.startsWith(OPEN)
        && value.endsWith(CLOSE);
  }

  /** The expression between the delimiters, trimmed, as AWS quotes it in error causes. */
  public static String body(String expression) {
    if (!isExpression(expression)) {
      throw new IllegalArgumentException("not a JSONata expression: " + expression);
    }
    return expression.substring(OPEN.length(), expression.length() - CLOSE.length()).trim();
  }

  /** True when {@code node} is, or nests anywhere inside it, an expression string. */
  public static boolean containsExpression(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return isExpression(node.textValue());
    }
    for (JsonNode child : node) {
      if (containsExpression(child)) {
        return true;
      }
    }
    return false;
  }
}
