package io.github.sfntest.internal.mock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockConfigException;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed JSON document that remembers the line and column of every value and member name, by
 * JSON pointer, and rejects duplicate member names (Jackson silently keeps the last).
 */
public final class LocatedJson {

  /** A 1-based position in the text. */
  public record Position(int line, int column) {}

  private final String source;
  private final JsonNode root;
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> names = new HashMap<>();

  private LocatedJson(String source, JsonNode root) {
    this.source = source;
    this.root = root;
  }

  public static LocatedJson parse(String source, String text) {
    LocatedJson located;
    try {
      located = new LocatedJson(source, Json.readTree(text));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new MockConfigException(
          source,
          "",
          loc == null ? 1 : loc.getLineNr(),
          loc == null ? 1 : loc.getColumnNr(),
          "the text is not valid JSON: " + Json.describe(e).replaceFirst(" \\(line \\d+, column \\d+\\)$", ""),
          "a MockConfigFile is one JSON object {\"StateMachines\": {...}, \"MockedResponses\": {...}}");
    }
    if (located.root == null || located.root.isMissingNode()) {
      throw new MockConfigException(
          source, "", 1, 1, "the text is empty", "a MockConfigFile is one JSON object {\"StateMachines\": {...}, \"MockedResponses\": {...}}");
    }
    try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
      p.nextToken();
      located.walk(p, "");
    } catch (IOException e) {
      throw new IllegalStateException("JSON parsed once but not twice", e);
    }
    return located;
  }

  private void walk(JsonParser p, String pointer) throws IOException {
    values.put(pointer, position(p.currentTokenLocation()));
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Set<String> seen = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String child = pointer + "/" + escape(name);
        Position namePos = position(p.currentTokenLocation());
        if (!seen.add(name)) {
          throw new MockConfigException(
              source,
              child,
              namePos.line(),
              namePos.column(),
              "the member \"" + name + "\" appears twice in the same object",
              "JSON readers silently keep only one of them; remove or rename the other");
        }
        names.put(child, namePos);
        p.nextToken();
        walk(p, child);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        walk(p, pointer + "/" + i++);
      }
    }
  }

  private static Position position(JsonLocation loc) {
    return new Position(loc.getLineNr(), loc.getColumnNr());
  }

  /** RFC 6901 escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  public JsonNode root() {
    return root;
  }

  public String source() {
    return source;
  }

  /** Position of the value at {@code pointer} (the document start if unknown). */
  public Position valueAt(String pointer) {
    return values.getOrDefault(pointer, new Position(1, 1));
  }

  /** Position of the member name that {@code pointer} ends in, else of its value. */
  public Position nameAt(String pointer) {
    Position p = names.get(pointer);
    return p != null ? p : valueAt(pointer);
  }

  /** An error about the value at {@code pointer}. */
  public MockConfigException errorAt(String pointer, String problem, String hint) {
    Position p = valueAt(pointer);
    return new MockConfigException(source, pointer, p.line(), p.column(), problem, hint);
  }

  /** An error about the member name that {@code pointer} ends in. */
  public MockConfigException errorAtName(String pointer, String problem, String hint) {
    Position p = nameAt(pointer);
    return new MockConfigException(source, pointer, p.line(), p.column(), problem, hint);
  }
}
