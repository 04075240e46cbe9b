package io.github.sfntest.internal.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses JSON or YAML with Jackson's streaming parser into the engine's node model, recording the
 * position of every value and field name. Iterative, so deep nesting cannot overflow the stack.
 */
final class SourceParser {

  /** Deeper documents are refused with INVALID_JSON_DESCRIPTION; AWS refuses them too. */
  static final int MAX_DEPTH = 512;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(10_000)
          .build();

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(CONSTRAINTS)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private static final YAMLFactory YAML;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(50);
    options.setAllowDuplicateKeys(true);
    YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
  }

  record Result(LocatedDocument document, List<Diagnostic> diagnostics) {}

  private final Map<String, SourceLocation> values = new HashMap<>();
  private final Map<String, SourceLocation> keys = new HashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private SourceParser() {}

  /** Detects the format: text whose first non-blank character is '{' or '[' is JSON. */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        continue;
      }
      return c == '{' || c == '[' || c == '"';
    }
    return true;
  }

  /** Parses; document is null when the text is not well-formed (a diagnostic says why). */
  static Result parse(String text) {
    return parse(text, false);
  }

  /** As {@link #parse(String)}; {@code jsonOnly} reads YAML-looking text as JSON too, as AWS does. */
  static Result parse(String text, boolean jsonOnly) {
    SourceParser parser = new SourceParser();
    boolean json = jsonOnly || looksLikeJson(text);
    JsonNode root = parser.read(text, json);
    return new Result(
        root == null ? null : new LocatedDocument(root, parser.values, parser.keys),
        parser.diagnostics);
  }

  private static final class Frame {
    final ContainerNode<?> node;
    final String pointer;
    String field;
    int index;

    Frame(ContainerNode<?> node, String pointer) {
      this.node = node;
      this.pointer = pointer;
    }
  }

  private JsonNode read(String text, boolean json) {
    String format = json ? "JSON" : "YAML";
    JsonParser p = null;
    JsonLocation last = null;
    try {
      p = json ? JSON.createParser(text) : YAML.createParser(text);
      Deque<Frame> stack = new ArrayDeque<>();
      JsonNode root = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        last = p.currentTokenLocation();
        SourceLocation here = locationOf(last);
        if (t == JsonToken.FIELD_NAME) {
          Frame f = stack.peek();
          String name = p.currentName();
          String ptr = LocatedDocument.child(f.pointer, name);
          if (((ObjectNode) f.node).has(name)) {
            boolean state = f.pointer.endsWith("/States") || f.pointer.equals("/States");
            // DUPLICATE_STATE_NAME is one of AWS's documented error codes; a repeated field elsewhere
            // has no AWS evidence of a rejection (its JSON reader keeps the last one), so it only warns
            // AWS: https://states-language.net/#states-fields "The state name MUST be unique within the scope of the entire state machine"
            diagnostics.add(
                new Diagnostic(
                    state ? "DUPLICATE_STATE_NAME" : "DUPLICATE_FIELD",
                    state ? Severity.ERROR : Severity.WARNING,
                    ptr,
                    here.line(),
                    here.column(),
                    state
                        ? "duplicate state name \"" + name + "\"; state names must be unique"
                        : "duplicate field \"" + name + "\"; only the last one would be used"));
          } else {
            keys.put(ptr, here);
          }
          f.field = name;
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          stack.pop();
          if (stack.isEmpty()) {
            break;
          }
          continue;
        }
        JsonNode value;
        switch (t) {
          case START_OBJECT -> value = Json.NODES.objectNode();
          case START_ARRAY -> value = Json.NODES.arrayNode();
          case VALUE_STRING -> value = Json.NODES.textNode(p.getText());
          case VALUE_NUMBER_INT -> value = intNode(p);
          case VALUE_NUMBER_FLOAT -> value = decimalNode(p);
          case VALUE_TRUE -> value = Json.NODES.booleanNode(true);
          case VALUE_FALSE -> value = Json.NODES.booleanNode(false);
          case VALUE_NULL -> value = Json.NODES.nullNode();
          default -> value = Json.NODES.textNode(String.valueOf(p.getText()));
        }
        Frame parent = stack.peek();
        String ptr;
        if (parent == null) {
          ptr = "";
          root = value;
        } else if (parent.node instanceof ObjectNode obj) {
          ptr = LocatedDocument.child(parent.pointer, parent.field);
          obj.set(parent.field, value);
        } else {
          ptr = LocatedDocument.child(parent.pointer, parent.index++);
          ((ArrayNode) parent.node).add(value);
        }
        values.put(ptr, here);
        if (value instanceof ContainerNode<?> c) {
          stack.push(new Frame(c, ptr));
        } else if (parent == null) {
          break;
        }
      }
      if (root == null) {
        diagnostics.add(notAnObject("the definition is empty; expected a " + format + " object with StartAt and States"));
        return null;
      }
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        SourceLocation at = locationOf(p.currentTokenLocation());
        diagnostics.add(invalidJson(at, "unexpected content after the end of the definition; a definition is exactly one "
                    + format
                    + " object"));
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      SourceLocation at =
          e.getLocation() != null ? locationOf(e.getLocation()) : locationOf(last);
      if (json && p != null && e.getLocation() != null) {
        // AWS answers with its JSON parser's (Jackson's) message, located where the parser stopped
        // reading (after the offending token), as Jackson itself did before 2.13
        String where = p.currentLocation().toString();
        // AWS: recording: conformance/validation/cases/api.sfn_api_validation.validate_state_machine_definition_not_a_definition.NOT_A_DEF
        diagnostics.add(new Diagnostic("INVALID_JSON_DESCRIPTION", Severity.ERROR, "", at.line(), at.column(),
            e.getOriginalMessage() + "\n at " + where, where, "the definition is not well-formed JSON: " + cleanMessage(e)));
      } else {
        diagnostics.add(invalidJson(at, "the definition is not well-formed " + format + ": " + cleanMessage(e)));
      }
      return null;
    } catch (IOException | RuntimeException e) {
      SourceLocation at = locationOf(last);
      diagnostics.add(invalidJson(at, "the definition is not well-formed " + format + ": " + firstLine(e.getMessage())));
      return null;
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException ignored) {
          // nothing to release for in-memory text
        }
      }
    }
  }

  private static JsonNode intNode(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> Json.NODES.numberNode(p.getIntValue());
      case LONG -> Json.NODES.numberNode(p.getLongValue());
      default -> Json.NODES.numberNode(p.getBigIntegerValue());
    };
  }

  private static JsonNode decimalNode(JsonParser p) throws IOException {
    try {
      BigDecimal d = p.getDecimalValue();
      return Json.NODES.numberNode(d);
    } catch (NumberFormatException e) {
      // YAML's .inf / .nan have no decimal form; keep them as doubles so type checks still work
      return Json.NODES.numberNode(p.getDoubleValue());
    }
  }

  private static SourceLocation locationOf(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return SourceLocation.START;
    }
    return new SourceLocation(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static String cleanMessage(JsonProcessingException e) {
    return firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** AWS's answer to a definition that is no JSON object at all (it gives no location). */
  static Diagnostic notAnObject(String hint) {
    // AWS: https://states-language.net/#structure-of-a-state-machine "A State Machine is represented by a JSON Object."
    return new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, "", 1, 1, "Definition must be a valid JSON object",
        null, hint);
  }

  private static Diagnostic invalidJson(SourceLocation at, String message) {
    // AWS: recording: conformance/validation/cases/api.sfn_api_validation.validate_state_machine_definition_not_a_definition.NOT_A_DEF
    return new Diagnostic("INVALID_JSON_DESCRIPTION", Severity.ERROR, "", at.line(), at.column(), message);
  }
}
