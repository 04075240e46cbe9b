package io.github.sfntest.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON configuration of the engine.
 *
 * <p>Numbers keep their exact value: integers become int/long/BigInteger nodes by size, decimals
 * become BigDecimal nodes (never double), and BigDecimals are written plainly (no exponent
 * introduced by us). Nodes handed around the engine are treated as immutable: code that needs a
 * changed value builds a new node (shallow copies along the changed path), never mutates a node it
 * did not create.
 */
public final class Json {

  public static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(NODES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE)
                .maxNestingDepth(10_000)
                .maxNumberLength(10_000)
                .build());
  }

  // A writer bound to JsonNode skips Jackson's per-call serializer lookup (hot in history events).
  private static final com.fasterxml.jackson.databind.ObjectWriter NODE_WRITER = MAPPER.writerFor(JsonNode.class);

  private Json() {}

  /** Parses JSON text; throws {@link IllegalArgumentException} with Jackson's location message. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node instanceof MissingNode) {
        throw new IllegalArgumentException("empty JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage() + locationOf(e), e);
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** Compact JSON text, as AWS writes payloads in history events: no spaces. */
  public static String write(JsonNode node) {
    try {
      return NODE_WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON node", e);
    }
  }

  /**
   * An upper bound of the UTF-8 size of {@link #write(JsonNode)}, cheap to compute: lets size
   * limits skip serialising payloads that are clearly small enough.
   */
  public static long utf8SizeUpperBound(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        long size = 2;
        var fields = node.properties().iterator();
        while (fields.hasNext()) {
          var field = fields.next();
          size += stringSizeUpperBound(field.getKey()) + 1 + utf8SizeUpperBound(field.getValue());
        }
        yield size;
      }
      case ARRAY -> {
        long size = 2;
        for (JsonNode item : node) {
          size += 1 + utf8SizeUpperBound(item);
        }
        yield size;
      }
      case STRING -> stringSizeUpperBound(node.textValue());
      case NUMBER -> node.isInt() || node.isLong() ? 20 : node.asText().length();
      default -> 5;
    };
  }

  private static long stringSizeUpperBound(String text) {
    long size = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Control characters may be escaped as a backslash-u sequence (6 bytes); surrogate halves
      // count 3 each, more than the 4 bytes of the pair.
      size += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return size;
  }

  /** Size in bytes of the UTF-8 encoding of {@link #write(JsonNode)}; AWS limits count bytes. */
  public static int utf8Size(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Indented JSON for humans (failure messages, CLI). */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON node", e);
    }
  }
}
