package io.github.sfntest.internal.validation;

import io.github.sfntest.internal.json.Slf4jDefaults;
import com.jayway.jsonpath.JsonPath;
import io.github.sfntest.internal.intrinsics.IntrinsicFunctions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax of ASL paths: JSONPath (Jayway) plus the ASL forms {@code $$} (context object) and
 * {@code $name} (variables), reference paths, and intrinsic function calls.
 */
final class PathSyntax {

  static {
    Slf4jDefaults.quietWithoutProvider(); // before the library's first SLF4J logger
  }

  private PathSyntax() {}

  private static final Pattern VARIABLE = Pattern.compile("^\\$([\\p{L}_][\\p{L}\\p{N}_]*)(.*)$", Pattern.DOTALL);

  /** A variable name as used in Assign keys and {@code $name} references. */
  static final Pattern VARIABLE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

  /**
   * Problem with a path (context and variable paths allowed), or null when valid.
   *
   * @param allowIntrinsic also accept {@code States.*(...)} intrinsic calls
   */
  static String pathProblem(String text, boolean allowIntrinsic) {
    if (allowIntrinsic && IntrinsicFunctions.isIntrinsicCall(text)) {
      return intrinsicProblem(text);
    }
    String s = stripTrailingBlanks(text);
    if (!s.startsWith("$")) {
      return "must be a JSONPath starting with \"$\""
          + (allowIntrinsic ? " or an intrinsic function such as States.Format(...)" : "")
          + " (was \""
          + abbreviate(text)
          + "\")";
    }
    if (s.startsWith("$$")) {
      return jsonPathProblem("$" + s.substring(2), text);
    }
    Matcher m = VARIABLE.matcher(s);
    if (m.matches()) {
      return jsonPathProblem("$" + m.group(2), text);
    }
    return jsonPathProblem(s, text);
  }

  /**
   * Problem with a reference path (ResultPath): {@code $} followed only by single-child steps
   * ({@code .name}, {@code ['name']}, {@code [0]}); or null when valid.
   */
  static String referencePathProblem(String text) {
    String s = stripTrailingBlanks(text);
    if (!s.startsWith("$") || s.startsWith("$$") || VARIABLE.matcher(s).matches()) {
      return "must be a reference path starting with \"$\" (not a context path or variable), e.g."
          + " \"$.result\" (was \""
          + abbreviate(text)
          + "\")";
    }
    String syntax = jsonPathProblem(s, text);
    if (syntax != null) {
      return syntax;
    }
    if (s.contains("..") || s.contains("*") || s.contains("[?") || s.contains("@")) {
      return "must be a reference path that names a single location: no wildcards, filters or"
          + " deep scans (was \""
          + abbreviate(text)
          + "\")";
    }
    try {
      if (!JsonPath.compile(s).isDefinite()) {
        return "must be a reference path that names a single location (was \""
            + abbreviate(text)
            + "\")";
      }
    } catch (RuntimeException e) {
      return null; // already reported above
    }
    return null;
  }

  static String intrinsicProblem(String text) {
    try {
      IntrinsicFunctions.parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return "invalid intrinsic function call \"" + abbreviate(text) + "\": " + e.getMessage();
    } catch (RuntimeException e) {
      // UnsupportedOperationException until the intrinsic parser lands; never fail validation on
      // a parser that cannot decide
      return null;
    }
  }

  private static String jsonPathProblem(String jsonPath, String original) {
    if (jsonPath.equals("$")) {
      return null;
    }
    String brackets = bracketProblem(jsonPath);
    if (brackets != null) {
      return "invalid JSONPath \"" + abbreviate(original) + "\": " + brackets;
    }
    try {
      JsonPath.compile(jsonPath);
      return null;
    } catch (com.jayway.jsonpath.InvalidPathException e) {
      String why = e.getMessage() == null ? "cannot be parsed" : e.getMessage();
      return "invalid JSONPath \"" + abbreviate(original) + "\": " + abbreviate(why);
    } catch (RuntimeException | StackOverflowError e) {
      return "invalid JSONPath \"" + abbreviate(original) + "\": cannot be parsed";
    }
  }

  /** Jayway reads "$.a[" as a property name; ASL (and any reader) wants balanced brackets. */
  private static String bracketProblem(String path) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (depth > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (--depth < 0) {
          return "unexpected \"]\" at position " + (i + 1);
        }
      }
    }
    if (quote != 0) {
      return "unterminated quoted name";
    }
    return depth > 0 ? "missing \"]\"" : null;
  }

  private static String stripTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** True when a string looks like a JSONPath or intrinsic but sits in a field without ".$". */
  static boolean looksLikePath(String s) {
    return s.startsWith("$.") || s.startsWith("$$.") || s.startsWith("$[") || s.equals("$")
        || (s.startsWith("States.") && s.contains("(") && s.endsWith(")"));
  }

  static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
