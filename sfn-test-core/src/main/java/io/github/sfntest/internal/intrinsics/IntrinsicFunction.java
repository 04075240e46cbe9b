package io.github.sfntest.internal.intrinsics;

import static io.github.sfntest.internal.intrinsics.IntrinsicValues.array;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.canonical;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.failure;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.integer;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.object;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.render;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.rounded;
import static io.github.sfntest.internal.intrinsics.IntrinsicValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.Argument;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.Call;
import io.github.sfntest.internal.intrinsics.IntrinsicAst.StringLiteral;
import io.github.sfntest.internal.json.Json;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** The 18 ASL intrinsic functions: arity (checked when parsing) and evaluation. */
enum IntrinsicFunction {
  FORMAT("States.Format", 1, Integer.MAX_VALUE) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      String template = text(name, "first argument", args.get(0));
      // A literal template keeps its escaped \{\} out of the placeholders; a template read from a
      // path has no escapes, every {} in it is a placeholder.
      List<String> pieces =
          call.arguments().get(0) instanceof StringLiteral literal
              ? literal.templatePieces()
              : Arrays.asList(template.split("\\{\\}", -1));
      int placeholders = pieces.size() - 1;
      if (placeholders != args.size() - 1) {
        throw failure(
            name,
            "the format string has " + placeholders + " placeholder(s) but "
                + (args.size() - 1) + " value(s) were given");
      }
      StringBuilder out = new StringBuilder(pieces.get(0));
      for (int i = 1; i < pieces.size(); i++) {
        out.append(render(args.get(i))).append(pieces.get(i));
      }
      return Json.NODES.textNode(out.toString());
    }
  },

  STRING_TO_JSON("States.StringToJson", 1, 1) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      String value = text(name, "argument", args.get(0));
      // AWS answers null for an empty or blank string rather than failing.
      if (value.isBlank()) {
        return Json.NODES.nullNode();
      }
      try {
        return Json.parse(value);
      } catch (IllegalArgumentException e) {
        throw failure(name, "the argument is not valid JSON text: " + e.getMessage());
      }
    }
  },

  JSON_TO_STRING("States.JsonToString", 1, 1) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      return Json.NODES.textNode(Json.write(args.get(0)));
    }
  },

  ARRAY("States.Array", 0, Integer.MAX_VALUE) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      return Json.NODES.arrayNode().addAll(args);
    }
  },

  ARRAY_PARTITION("States.ArrayPartition", 2, 2) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      JsonNode array = array(name, "first argument", args.get(0));
      int size = integer(name, "chunk size", args.get(1));
      if (size <= 0) {
        throw failure(name, "the chunk size must be a positive integer, but was " + size);
      }
      ArrayNode chunks = Json.NODES.arrayNode();
      ArrayNode chunk = null;
      for (int i = 0; i < array.size(); i++) {
        if (i % size == 0) {
          chunk = chunks.addArray();
        }
        chunk.add(array.get(i));
      }
      return chunks;
    }
  },

  ARRAY_CONTAINS("States.ArrayContains", 2, 2) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      JsonNode array = array(name, "first argument", args.get(0));
      String wanted = canonical(args.get(1));
      for (JsonNode element : array) {
        if (canonical(element).equals(wanted)) {
          return Json.NODES.booleanNode(true);
        }
      }
      return Json.NODES.booleanNode(false);
    }
  },

  ARRAY_RANGE("States.ArrayRange", 3, 3) {
    private static final int MAX_ITEMS = 1000;

    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      long start = integer(name, "start", args.get(0));
      long end = integer(name, "end", args.get(1));
      long step = integer(name, "step", args.get(2));
      if (step == 0) {
        throw failure(name, "the step must be a non-zero integer");
      }
      long count = (end - start) / step < 0 ? 0 : (end - start) / step + 1;
      if (count > MAX_ITEMS) {
        throw failure(
            name, "the range would contain " + count + " items; at most " + MAX_ITEMS + " are allowed");
      }
      ArrayNode range = Json.NODES.arrayNode();
      for (long i = 0; i < count; i++) {
        range.add(IntrinsicParser.integerNode(java.math.BigInteger.valueOf(start + i * step)));
      }
      return range;
    }
  },

  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      JsonNode array = array(name, "first argument", args.get(0));
      int index = integer(name, "index", args.get(1));
      if (index < 0 || index >= array.size()) {
        throw failure(
            name, "the index " + index + " is out of bounds for an array of " + array.size() + " items");
      }
      return array.get(index);
    }
  },

  ARRAY_LENGTH("States.ArrayLength", 1, 1) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      return Json.NODES.numberNode(array(name, "argument", args.get(0)).size());
    }
  },

  ARRAY_UNIQUE("States.ArrayUnique", 1, 1) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      JsonNode array = array(name, "argument", args.get(0));
      Set<String> seen = new HashSet<>();
      ArrayNode unique = Json.NODES.arrayNode();
      for (JsonNode element : array) {
        if (seen.add(canonical(element))) {
          unique.add(element);
        }
      }
      return unique;
    }
  },

  BASE64_ENCODE("States.Base64Encode", 1, 1) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      String value = limited(name, text(name, "argument", args.get(0)));
      return Json.NODES.textNode(
          Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
  },

  BASE64_DECODE("States.Base64Decode", 1, 1) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      String value = limited(name, text(name, "argument", args.get(0)));
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        throw failure(name, "the argument is not valid Base64: " + e.getMessage());
      }
      try {
        CharBuffer decoded =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        return Json.NODES.textNode(decoded.toString());
      } catch (CharacterCodingException e) {
        throw failure(name, "the decoded data is not UTF-8 text");
      }
    }
  },

  HASH("States.Hash", 2, 2) {
    /** AWS's algorithm names mapped to the JDK's. */
    private static final List<String> ALGORITHMS =
        List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      String data = limited(name, text(name, "data", args.get(0)));
      String algorithm = text(name, "algorithm", args.get(1));
      if (!ALGORITHMS.contains(algorithm)) {
        throw failure(
            name,
            "the algorithm must be one of " + String.join(", ", ALGORITHMS) + ", but was "
                + algorithm);
      }
      try {
        byte[] digest =
            MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
        return Json.NODES.textNode(HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + algorithm, e);
      }
    }
  },

  JSON_MERGE("States.JsonMerge", 3, 3) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      JsonNode first = object(name, "first argument", args.get(0));
      JsonNode second = object(name, "second argument", args.get(1));
      JsonNode deep = args.get(2);
      if (!deep.isBoolean()) {
        throw failure(name, "the third argument must be a boolean, but was " + Json.write(deep));
      }
      // AWS documents the flag but only supports shallow merging.
      if (deep.booleanValue()) {
        throw failure(name, "deep merging is not supported; the third argument must be false");
      }
      ObjectNode merged = Json.NODES.objectNode();
      merged.setAll((ObjectNode) first);
      merged.setAll((ObjectNode) second);
      return merged;
    }
  },

  MATH_RANDOM("States.MathRandom", 2, 3) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      int start = rounded(name, "start", args.get(0));
      int end = rounded(name, "end", args.get(1));
      if (start >= end) {
        throw failure(
            name, "the start (" + start + ") must be less than the end (" + end + ")");
      }
      int value;
      if (args.size() == 3) {
        // A seed gives the same number on every evaluation, like java.util.Random with that seed.
        int seed = rounded(name, "seed", args.get(2));
        value = start + new Random(seed).nextInt(end - start);
      } else {
        value = environment.random().nextInt(start, end);
      }
      return Json.NODES.numberNode(value);
    }
  },

  MATH_ADD("States.MathAdd", 2, 2) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      long sum = (long) rounded(name, "first argument", args.get(0))
          + rounded(name, "second argument", args.get(1));
      // the sum of two ints always fits in a long
      return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
    }
  },

  STRING_SPLIT("States.StringSplit", 2, 2) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      String value = text(name, "first argument", args.get(0));
      String delimiters = text(name, "delimiter", args.get(1));
      // Every character of the second argument is a delimiter; empty pieces are dropped.
      ArrayNode parts = Json.NODES.arrayNode();
      StringBuilder part = new StringBuilder();
      value.codePoints()
          .forEach(
              c -> {
                if (delimiters.indexOf(c) >= 0) {
                  if (!part.isEmpty()) {
                    parts.add(part.toString());
                    part.setLength(0);
                  }
                } else {
                  part.appendCodePoint(c);
                }
              });
      if (!part.isEmpty()) {
        parts.add(part.toString());
      }
      return parts;
    }
  },

  UUID_("States.UUID", 0, 0) {
    @Override
    JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment) {
      // A version 4 UUID drawn from the execution's random source, so seeded runs repeat.
      long high = environment.random().nextLong();
      long low = environment.random().nextLong();
      high = (high & ~0xF000L) | 0x4000L;
      low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return Json.NODES.textNode(new UUID(high, low).toString());
    }
  };

  /** Base64Encode, Base64Decode and Hash accept at most this many characters. */
  private static final int MAX_INPUT_CHARACTERS = 10_000;

  final String name;
  private final int minArguments;
  private final int maxArguments;

  IntrinsicFunction(String name, int minArguments, int maxArguments) {
    this.name = name;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
  }

  static Optional<IntrinsicFunction> byName(String name) {
    for (IntrinsicFunction function : values()) {
      if (function.name.equals(name)) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }

  void checkArity(int count, int position) {
    if (count < minArguments || count > maxArguments) {
      String expected =
          minArguments == maxArguments
              ? String.valueOf(minArguments)
              : maxArguments == Integer.MAX_VALUE
                  ? "at least " + minArguments
                  : minArguments + " to " + maxArguments;
      throw new IllegalArgumentException(
          "Invalid intrinsic function call at position " + position + ": " + name + " expects "
              + expected + " argument(s) but got " + count);
    }
  }

  /** Evaluates the arguments left to right, then the function. */
  final JsonNode apply(Call call, EvaluationScope scope, IntrinsicEnvironment environment) {
    List<Argument> arguments = call.arguments();
    int n = arguments.size();
    // Most calls take one or two arguments: a list of them without an ArrayList and its array.
    if (n == 1 || n == 2) {
      JsonNode first = arguments.get(0).evaluate(scope, environment);
      JsonNode second = n == 2 ? arguments.get(1).evaluate(scope, environment) : null;
      if (first != null && (n == 1 || second != null)) {
        return apply(call, n == 1 ? List.of(first) : List.of(first, second), environment);
      }
      return apply(call, n == 1 ? java.util.Collections.singletonList(first) : java.util.Arrays.asList(first, second),
          environment);
    }
    List<JsonNode> values = new ArrayList<>(n);
    for (Argument argument : arguments) {
      values.add(argument.evaluate(scope, environment));
    }
    return apply(call, values, environment);
  }

  abstract JsonNode apply(Call call, List<JsonNode> args, IntrinsicEnvironment environment);

  private static String limited(String function, String value) {
    if (value.length() > MAX_INPUT_CHARACTERS) {
      throw failure(
          function,
          "the input must be at most " + MAX_INPUT_CHARACTERS + " characters long, but has "
              + value.length());
    }
    return value;
  }
}
