package io.github.sfntest.internal.jsonpath;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises plain definite paths ({@code $}, {@code $.a.b}, {@code $['a'][0]}) so they can be
 * walked without Jayway. Anything else (negative indexes, escapes, wildcards...) returns null and
 * is left to Jayway.
 */
final class SimplePath {

  private SimplePath() {}

  /** Steps (String property or Integer index) of a path starting with {@code $}, or null. */
  static Object[] parse(String path) {
    if (path.isEmpty() || path.charAt(0) != '$') {
      return null;
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < n && isPlainNameChar(path.charAt(i))) {
          i++;
        }
        if (i == start) {
          return null;
        }
        steps.add(path.substring(start, i));
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String inner = path.substring(i + 1, close);
        Object step = bracketStep(inner);
        if (step == null) {
          return null;
        }
        steps.add(step);
        i = close + 1;
      } else {
        return null;
      }
    }
    return steps.toArray();
  }

  private static Object bracketStep(String inner) {
    if (inner.length() >= 2) {
      char q = inner.charAt(0);
      if ((q == '\'' || q == '"') && inner.charAt(inner.length() - 1) == q) {
        String name = inner.substring(1, inner.length() - 1);
        for (int k = 0; k < name.length(); k++) {
          char c = name.charAt(k);
          if (c == '\\' || c == '\'' || c == '"' || c == ',') {
            return null;
          }
        }
        return name;
      }
    }
    if (inner.isEmpty() || inner.length() > 9) {
      return null;
    }
    for (int k = 0; k < inner.length(); k++) {
      if (!Character.isDigit(inner.charAt(k)) || inner.charAt(k) > '9') {
        return null;
      }
    }
    return Integer.valueOf(inner);
  }

  private static boolean isPlainNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
