package io.github.sfntest.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.Argument;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.Call;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.Literal;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.PathArgument;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.StringLiteral;
import io.github.sfntest.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser over a char cursor.
 *
 * <pre>
 * call      := 'States.' NAME ws '(' ws [ argument (ws ',' ws argument)* ] ws ')'
 * argument  := call | string | number | 'true' | 'false' | 'null' | path
 * string    := "'" ( char | '\' ( "'" | '{' | '}' | '\' ) )* "'"
 * number    := '-'? digits ('.' digits)? (('e'|'E') ('+'|'-')? digits)?
 * path      := '$' ... up to the ',' or ')' that closes it, outside brackets, parentheses and quotes
 * </pre>
 *
 * Whitespace (space, tab, newline) is allowed between tokens, as AWS's grammar skips it.
 *
 * <p>Calls nest at most {@value #MAX_NESTING} deep (AWS documents no figure; real definitions
 * nest a handful): the parser and the evaluation recurse once per level, so a definition of
 * thousands of nested calls must be an error, not a {@link StackOverflowError}.
 */
final class IntrinsicParser {

  private static final String PREFIX = "States.";

  static final int MAX_NESTING = 100;

  private final String text;
  private int pos;
  private int nesting;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  static Call parse(String text) {
    IntrinsicParser parser = new IntrinsicParser(text);
    Call call = parser.call();
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      throw parser.error("end of the intrinsic function call");
    }
    return call;
  }

  private Call call() {
    int start = pos;
    if (++nesting > MAX_NESTING) {
      throw new IllegalArgumentException(
          "Intrinsic function calls nest deeper than " + MAX_NESTING + " levels at position " + start);
    }
    if (!text.startsWith(PREFIX, pos)) {
      throw error("an intrinsic function name starting with 'States.'");
    }
    pos += PREFIX.length();
    int nameStart = pos;
    while (!atEnd() && Character.isLetterOrDigit(peek())) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (pos == nameStart) {
      throw error("an intrinsic function name after 'States.'");
    }
    IntrinsicFunction function =
        IntrinsicFunction.byName(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Unknown intrinsic function '" + name + "' at position " + start));
    skipWhitespace();
    expect('(');
    List<Argument> arguments = new ArrayList<>();
    skipWhitespace();
    if (!atEnd() && peek() == ')') {
      pos++;
    } else {
      while (true) {
        skipWhitespace();
        arguments.add(argument());
        skipWhitespace();
        if (atEnd()) {
          throw error("',' or ')'");
        }
        char c = text.charAt(pos++);
        if (c == ')') {
          break;
        }
        if (c != ',') {
          pos--;
          throw error("',' or ')'");
        }
      }
    }
    function.checkArity(arguments.size(), start);
    nesting--;
    return new Call(function, arguments);
  }

  private Argument argument() {
    if (atEnd()) {
      throw error("an argument");
    }
    char c = peek();
    if (c == '\'') {
      return string();
    }
    if (c == '$') {
      return path();
    }
    if (c == '-' || isDigit(c)) {
      return number();
    }
    if (text.startsWith(PREFIX, pos)) {
      return call();
    }
    for (String keyword : new String[] {"true", "false", "null"}) {
      if (text.startsWith(keyword, pos) && !identifierContinues(pos + keyword.length())) {
        pos += keyword.length();
        JsonNode value =
            switch (keyword) {
              case "true" -> Json.NODES.booleanNode(true);
              case "false" -> Json.NODES.booleanNode(false);
              default -> Json.NODES.nullNode();
            };
        return new Literal(value);
      }
    }
    throw error("an argument (a 'string', a number, true, false, null, a path or a States. call)");
  }

  private StringLiteral string() {
    int start = pos;
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    StringBuilder piece = new StringBuilder();
    List<String> pieces = new ArrayList<>();
    while (true) {
      if (atEnd()) {
        throw new IllegalArgumentException(
            "Unterminated string literal starting at position " + start + " in: " + text);
      }
      char c = text.charAt(pos++);
      if (c == '\'') {
        break;
      }
      if (c == '\\') {
        if (atEnd()) {
          throw error("an escaped character (\\', \\{, \\} or \\\\) after '\\'");
        }
        char escaped = text.charAt(pos);
        if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
          throw error("an escaped character (\\', \\{, \\} or \\\\) after '\\'");
        }
        pos++;
        value.append(escaped);
        piece.append(escaped);
        continue;
      }
      if (c == '{' && !atEnd() && peek() == '}') {
        pos++;
        value.append("{}");
        pieces.add(piece.toString());
        piece.setLength(0);
        continue;
      }
      value.append(c);
      piece.append(c);
    }
    pieces.add(piece.toString());
    return new StringLiteral(value.toString(), pieces);
  }

  private Literal number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = digits();
    if (digits == 0) {
      pos = start;
      throw error("a number");
    }
    boolean integral = true;
    if (!atEnd() && peek() == '.') {
      pos++;
      integral = false;
      if (digits() == 0) {
        throw error("digits after the decimal point");
      }
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      pos++;
      integral = false;
      if (!atEnd() && (peek() == '+' || peek() == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw error("digits in the exponent");
      }
    }
    if (identifierContinues(pos)) {
      throw error("',' or ')' after the number");
    }
    String literal = text.substring(start, pos);
    return new Literal(integral ? integerNode(new BigInteger(literal)) : Json.NODES.numberNode(new BigDecimal(literal)));
  }

  /** Same node kinds as {@link Json#parse} produces, so literals and path values compare alike. */
  static JsonNode integerNode(BigInteger value) {
    if (value.bitLength() < 32) {
      return Json.NODES.numberNode(value.intValue());
    }
    if (value.bitLength() < 64) {
      return Json.NODES.numberNode(value.longValue());
    }
    return Json.NODES.numberNode(value);
  }

  /**
   * A path runs until the ',' or ')' that ends the argument. Commas and parentheses inside
   * brackets, filter expressions or quoted names ({@code $['a,b']}, {@code $[?(@.x == 1)]}) belong
   * to the path.
   */
  private PathArgument path() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (!atEnd()) {
      char c = peek();
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      pos++;
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "Unterminated quoted name in the path starting at position " + start + " in: " + text);
    }
    if (depth != 0) {
      throw new IllegalArgumentException(
          "Unbalanced brackets in the path starting at position " + start + " in: " + text);
    }
    return new PathArgument(text.substring(start, pos).strip());
  }

  private int digits() {
    int start = pos;
    while (!atEnd() && isDigit(peek())) {
      pos++;
    }
    return pos - start;
  }

  private boolean identifierContinues(int index) {
    return index < text.length()
        && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_'
            || text.charAt(index) == '.');
  }

  private void expect(char c) {
    if (atEnd() || peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private void skipWhitespace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private IllegalArgumentException error(String expected) {
    String found = atEnd() ? "end of input" : "'" + text.charAt(pos) + "'";
    return new IllegalArgumentException(
        "Invalid intrinsic function call at position " + pos + ": expected " + expected
            + " but found " + found + " in: " + text);
  }
}
