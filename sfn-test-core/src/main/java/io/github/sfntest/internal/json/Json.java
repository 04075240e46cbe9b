package io.github.sfntest.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON configuration of the engine.
 *
 * <p>Numbers keep their exact value: integers become int/long/BigInteger nodes by size, decimals
 * become BigDecimal nodes (never double), and BigDecimals are written plainly (no exponent
 * introduced by us). Nodes handed around the engine are treated as immutable: code that needs a
 * changed value builds a new node (shallow copies along the changed path), never mutates a node it
 * did not create.
 *
 * <p><b>The policy for untrusted JSON</b> (execution input, mock results, MockConfigFiles, S3
 * fixtures, request bodies of the endpoint), the same on read and on write:
 *
 * <ul>
 *   <li>at most {@value #MAX_DEPTH} levels of arrays and objects, the limit the validator applies
 *       to definitions (AWS documents no figure; Jackson's own default is 1,000 and our walks of a
 *       document stay far from the stack's end at 512);
 *   <li>numbers within the range of an IEEE 754 double, {@code 4.9E-324 <= |x| <= 1.797...E308}
 *       or zero, as JSONata (JavaScript numbers) and the AWS SDKs hold them; digits beyond a
 *       double's precision are kept; {@code 1e400} or {@code 1E+2147483647} is an error with its
 *       line and column, not a node that cannot be written back;
 *   <li>text decoded strictly as UTF-8 ({@link Utf8});
 *   <li>payload size is checked where AWS checks it (256 KiB per input, output and result).
 * </ul>
 *
 * Violations are {@link JsonLimitException}s (an {@link IllegalArgumentException}).
 */
public final class Json {

  static {
    Slf4jDefaults.quietWithoutProvider(); // before Jayway or Jetty create their first SLF4J logger
  }

  public static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /**
   * An empty object sized for {@code members} members: the engine builds many small objects per
   * state (templates, {@code $$}, event details), and a {@link java.util.LinkedHashMap}'s table and
   * entries are most of their allocation, so small ones keep their members in a {@link FieldMap}.
   */
  public static com.fasterxml.jackson.databind.node.ObjectNode object(int members) {
    return new com.fasterxml.jackson.databind.node.ObjectNode(NODES, members <= FieldMap.LINEAR_LIMIT
        ? new FieldMap(members)
        : new java.util.LinkedHashMap<>((int) (members / 0.75f) + 1));
  }

  /**
   * An empty object that expects the members {@code keys}, set in that order (a payload
   * template's keys, all distinct): its objects share the key array instead of each holding its own.
   */
  public static com.fasterxml.jackson.databind.node.ObjectNode object(String[] keys) {
    return keys.length <= FieldMap.LINEAR_LIMIT
        ? new com.fasterxml.jackson.databind.node.ObjectNode(NODES, FieldMap.expecting(keys))
        : object(keys.length);
  }

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(NODES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /** Deepest nesting of arrays and objects read or written. */
  public static final int MAX_DEPTH = 512;

  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal(Double.MAX_VALUE);
  /** Half the smallest double: anything smaller rounds to zero. */
  private static final BigDecimal MIN_MAGNITUDE = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE)
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(1_000)
                .build());
    MAPPER.getFactory().setStreamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  // A writer bound to JsonNode skips Jackson's per-call serializer lookup (hot in history events).
  private static final com.fasterxml.jackson.databind.ObjectWriter NODE_WRITER = MAPPER.writerFor(JsonNode.class);

  private Json() {}

  /**
   * Parses JSON text under the policy above; throws {@link IllegalArgumentException} with the
   * problem and its line and column ({@link JsonLimitException} for a policy limit).
   */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = readTree(text);
      if (node == null || node instanceof MissingNode) {
        throw new IllegalArgumentException("empty JSON document");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new JsonLimitException(describe(e), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /**
   * Parses UTF-8 bytes under the policy above ({@link Utf8} first, so a bad byte is named).
   *
   * @param what how errors name the text, e.g. the file name
   */
  public static JsonNode parse(byte[] utf8, String what) {
    return parse(Utf8.decode(utf8, what));
  }

  /**
   * Parses under the policy, for callers that report Jackson's exception themselves (with its
   * location); null or a missing node for an empty text.
   */
  public static JsonNode readTree(String text) throws JsonProcessingException {
    try (JsonParser parser = new RangeChecking(MAPPER.getFactory().createParser(text))) {
      JsonNode node = MAPPER.readTree(parser);
      if (node != null && parser.nextToken() != null) {
        throw new JsonParseException(parser, "Trailing token (of type " + parser.currentToken()
            + ") found after value (bound as `JsonNode`)");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw e.getLocation() != null ? e : new DepthException(e, text);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /** "problem (line L, column C)", Jackson's message without its source excerpt. */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException && message != null && message.contains("Document nesting depth")) {
      message = "JSON nested deeper than " + MAX_DEPTH + " levels of arrays and objects (the most sfn-test accepts)";
    }
    return message + locationOf(e);
  }

  /** A constraint violation located where Jackson did not locate it: at the text's deepest point. */
  private static final class DepthException extends StreamConstraintsException {
    DepthException(StreamConstraintsException e, String text) {
      super(e.getOriginalMessage(), deepest(text));
    }

    private static com.fasterxml.jackson.core.JsonLocation deepest(String text) {
      int depth = 0;
      int line = 1;
      int column = 1;
      boolean inString = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          line++;
          column = 0;
        } else if (inString) {
          if (c == '\\') {
            i++;
            column++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '[' || c == '{') {
          if (++depth > MAX_DEPTH) {
            return new com.fasterxml.jackson.core.JsonLocation(null, i, line, column);
          }
        } else if (c == ']' || c == '}') {
          depth--;
        }
        column++;
      }
      return null;
    }
  }

  /** Rejects numbers that no double can hold, where the parser stands. */
  private static final class RangeChecking extends JsonParserDelegate {
    RangeChecking(JsonParser parser) {
      super(parser);
    }

    @Override
    public BigDecimal getDecimalValue() throws IOException {
      return checked(super.getDecimalValue());
    }

    @Override
    public BigInteger getBigIntegerValue() throws IOException {
      BigInteger value = super.getBigIntegerValue();
      checked(new BigDecimal(value));
      return value;
    }

    @Override
    public double getDoubleValue() throws IOException {
      if (getNumberType() == NumberType.BIG_DECIMAL || getNumberType() == NumberType.DOUBLE) {
        checked(super.getDecimalValue());
      }
      return super.getDoubleValue();
    }

    private BigDecimal checked(BigDecimal value) throws IOException {
      if (value.signum() == 0) {
        // 0e99999 is zero, but its plain form would be 99,999 characters long
        return value.scale() < 0 || value.scale() > 1_000 ? BigDecimal.ZERO : value;
      } else {
        // precision - scale - 1 is the decimal exponent; only numbers near the edges need compareTo
        long exponent = (long) value.precision() - value.scale() - 1;
        BigDecimal magnitude = value.abs();
        if (exponent > 307 && magnitude.compareTo(MAX_MAGNITUDE) > 0
            || exponent < -323 && magnitude.compareTo(MIN_MAGNITUDE) < 0) {
          String text = getText();
          throw new JsonParseException(this, "Number out of range: "
              + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
              + " (JSON numbers must fit an IEEE 754 double, about 1.8E308, as in JSONata and AWS)");
        }
      }
      return value;
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /**
   * Compact JSON text, as AWS writes payloads in history events: no spaces.
   *
   * @throws JsonLimitException for a value the engine built beyond the policy (nested deeper
   *     than {@value #MAX_DEPTH}, or a decimal whose plain form would be absurdly long)
   */
  public static String write(JsonNode node) {
    try {
      return NODE_WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw unwritable(e);
    }
  }

  private static JsonLimitException unwritable(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      message = "a JSON value nested deeper than " + MAX_DEPTH + " levels of arrays and objects cannot be written";
    } else if (message != null && message.contains("illegal scale")) {
      message = "a number too large or too small to write as JSON: " + message;
    }
    return new JsonLimitException(message, e);
  }

  /**
   * An upper bound of the UTF-8 size of {@link #write(JsonNode)}, cheap to compute: lets size
   * limits skip serialising payloads that are clearly small enough. {@link Long#MAX_VALUE} for a
   * value nested deeper than {@value #MAX_DEPTH} levels, which {@link #write(JsonNode)} refuses.
   */
  public static long utf8SizeUpperBound(JsonNode node) {
    return sizeUpperBound(node, 1);
  }

  private static long sizeUpperBound(JsonNode node, int depth) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        if (depth > MAX_DEPTH) {
          yield Long.MAX_VALUE;
        }
        // forEachEntry, not an iterator: a FieldMap walks its arrays without an entry object per member.
        MemberSizes members = new MemberSizes(depth + 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).forEachEntry(members);
        yield members.size;
      }
      case ARRAY -> {
        if (depth > MAX_DEPTH) {
          yield Long.MAX_VALUE;
        }
        long size = 2;
        for (JsonNode item : node) {
          long value = sizeUpperBound(item, depth + 1);
          if (value == Long.MAX_VALUE) {
            yield value;
          }
          size += 1 + value;
        }
        yield size;
      }
      case STRING -> stringSizeUpperBound(node.textValue());
      case NUMBER -> node.isInt() || node.isLong() ? 20 : node.asText().length();
      default -> 5;
    };
  }

  /** Sums the members of one object for {@link #sizeUpperBound(JsonNode, int)}; Long.MAX_VALUE once too deep. */
  private static final class MemberSizes implements java.util.function.BiConsumer<String, JsonNode> {
    private final int depth;
    private long size = 2;

    MemberSizes(int depth) {
      this.depth = depth;
    }

    @Override
    public void accept(String key, JsonNode value) {
      if (size == Long.MAX_VALUE) {
        return;
      }
      long valueSize = sizeUpperBound(value, depth);
      size = valueSize == Long.MAX_VALUE ? Long.MAX_VALUE : size + stringSizeUpperBound(key) + 1 + valueSize;
    }
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
      throw unwritable(e);
    }
  }
}
