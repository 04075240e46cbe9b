package io.github.sfntest.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed definition with the source position of every value and every field name, keyed by
 * JSON pointer.
 */
public final class LocatedDocument {

  private final JsonNode root;
  private final Map<String, SourceLocation> values;
  private final Map<String, SourceLocation> keys;

  LocatedDocument(
      JsonNode root, Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {
    this.root = root;
    this.values = values;
    this.keys = keys;
  }

  /** A document without source positions (every location falls back to line 1, column 1). */
  public static LocatedDocument withoutLocations(JsonNode root) {
    return new LocatedDocument(root, Map.of(), Map.of());
  }

  public JsonNode root() {
    return root;
  }

  /** Position of the value at {@code pointer}, or of its nearest located ancestor. */
  SourceLocation valueAt(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation loc = values.get(p);
      if (loc != null) {
        return loc;
      }
      if (p.isEmpty()) {
        return SourceLocation.START;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Position of the field name ending {@code pointer}, else of its value. */
  SourceLocation keyAt(String pointer) {
    SourceLocation loc = keys.get(pointer);
    return loc != null ? loc : valueAt(pointer);
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, String field) {
    return pointer + "/" + escape(field);
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
