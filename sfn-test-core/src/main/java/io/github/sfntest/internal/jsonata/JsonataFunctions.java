package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.dashjoin.jsonata.Utils;
import io.github.sfntest.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code
 * $hash}, {@code $random}, {@code $uuid}, {@code $parse}), the ones it disables ({@code $eval}),
 * and the clock functions rebound to the execution's virtual clock ({@code $now}, {@code
 * $millis}). Those that read the execution's clock or random source are bound on each evaluation's
 * frame, and only when the expression names them; the others are registered once per compiled
 * expression.
 */
final class JsonataFunctions {

  /** AWS's JSONata is 2.0.6 minus {@code $eval}; calling it fails like calling any non-function. */
  private static final String DISABLED_EVAL = "eval";

  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** States.ArrayRange's limit; AWS documents the same bound for $range. */
  private static final int MAX_RANGE_ITEMS = 1000;

  private JsonataFunctions() {}

  /**
   * An error raised by a Step Functions function. It has no JSONata error code, so AWS joins it to
   * its sentence with {@code ": "} rather than {@code ". CODE: "}.
   */
  static final class FunctionError extends RuntimeException {
    FunctionError(String message) {
      super(message, null, false, false);
    }
  }

  /** The functions that do not depend on the execution, created once. */
  private static final Map<String, JFunction> STATIC_FUNCTIONS = Map.of(
      "partition", fn(JsonataFunctions::partition),
      "range", fn(JsonataFunctions::range),
      "hash", fn(JsonataFunctions::hash),
      "parse", fn(JsonataFunctions::parse));

  /** The functions that read the execution's clock or random source. */
  private static final Set<String> RUNTIME_FUNCTIONS = Set.of("random", "uuid", "millis", "now");

  /** Every name this class defines, {@code eval} included. */
  static final Set<String> NAMES =
      Set.of("partition", "range", "hash", "parse", "random", "uuid", "millis", "now", DISABLED_EVAL);

  /**
   * Registers on {@code compiled}, once, the functions among {@code names} (the {@code $names}
   * its text references) that do not depend on the execution, and disables {@code $eval}. Call
   * before the expression is shared: registering is not thread-safe.
   */
  static void register(Jsonata compiled, Set<String> names) {
    for (String name : names) {
      JFunction function = STATIC_FUNCTIONS.get(name);
      if (function != null) {
        compiled.registerFunction(name, function);
      } else if (name.equals(DISABLED_EVAL)) {
        compiled.assign(DISABLED_EVAL, null);
      }
    }
  }

  /** Whether {@code names} holds a function {@link #bind} has to bind per evaluation. */
  static boolean needsRuntime(Set<String> names) {
    for (String name : names) {
      if (RUNTIME_FUNCTIONS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Binds on {@code frame}, for one evaluation under {@code runtime}, the functions among {@code
   * names} that read the execution's clock or random source.
   */
  static void bind(Jsonata.Frame frame, JsonataRuntime runtime, Set<String> names) {
    for (String name : names) {
      switch (name) {
        case "random" -> frame.bind(name, fn(args -> random(args, runtime)));
        case "uuid" -> frame.bind(name, fn(args -> uuid(args, runtime)));
        case "millis" -> frame.bind(name, fn(args -> runtime.now().toEpochMilli()));
        case "now" -> frame.bind(name, fn(args -> now(args, runtime)));
        default -> {
          // not a runtime function
        }
      }
    }
  }

  private interface Body {
    Object apply(List<?> args);
  }

  private static JFunction fn(Body body) {
    // No signature: argument checks are done here with AWS's messages.
    JFunctionCallable callable = (input, args) -> body.apply(args);
    return new JFunction(callable, null);
  }

  private static Object arg(List<?> args, int index) {
    Object value = index < args.size() ? args.get(index) : null;
    return value == Jsonata.NULL_VALUE ? null : value;
  }

  private static void arity(List<?> args, String name, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw new FunctionError(
          "Function $" + name + " expects " + describeArity(min, max) + " but got " + args.size());
    }
  }

  private static String describeArity(int min, int max) {
    String count = min == max ? String.valueOf(min) : min + " to " + max;
    return count + (max == 1 ? " argument" : " arguments");
  }

  private static Long integer(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d)) {
        return n.longValue();
      }
    }
    return null;
  }

  static Object partition(List<?> args) {
    arity(args, "partition", 2, 2);
    Object array = arg(args, 0);
    Long size = integer(arg(args, 1));
    if (!(array instanceof List<?> list)) {
      throw new FunctionError("The first argument of $partition must be an array");
    }
    if (size == null || size <= 0) {
      throw new FunctionError("The second argument of $partition must be a positive integer");
    }
    List<Object> chunks = new ArrayList<>();
    for (int from = 0; from < list.size(); from += (int) Math.min(size, Integer.MAX_VALUE)) {
      int to = (int) Math.min(list.size(), from + size);
      chunks.add(new ArrayList<>(list.subList(from, to)));
    }
    return chunks;
  }

  static Object range(List<?> args) {
    arity(args, "range", 3, 3);
    Long start = integer(arg(args, 0));
    Long end = integer(arg(args, 1));
    Long step = integer(arg(args, 2));
    if (start == null || end == null || step == null) {
      throw new FunctionError("The arguments of $range must be integers");
    }
    if (step == 0) {
      throw new FunctionError("The step argument of $range must not be zero");
    }
    // A JSONata sequence: AWS returns a one-element range as the bare number ($range(1, 9, 9) = 1).
    List<Object> values = Utils.createSequence();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      if (values.size() == MAX_RANGE_ITEMS) {
        throw new FunctionError("The $range result must not exceed " + MAX_RANGE_ITEMS + " items");
      }
      values.add(v);
    }
    return values;
  }

  static Object hash(List<?> args) {
    arity(args, "hash", 2, 2);
    Object data = arg(args, 0);
    Object algorithm = arg(args, 1);
    if (!(data instanceof String text)) {
      throw new FunctionError("The first argument of $hash must be a string");
    }
    if (!(algorithm instanceof String name) || !HASH_ALGORITHMS.contains(name)) {
      throw new FunctionError(
          "The hash algorithm of $hash must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without " + name, e);
    }
  }

  static Object parse(List<?> args) {
    arity(args, "parse", 1, 1);
    Object text = arg(args, 0);
    if (!(text instanceof String s)) {
      throw new FunctionError("The argument of $parse must be a string");
    }
    try {
      return JsonataValues.toJsonata(Json.parse(s));
    } catch (IllegalArgumentException e) {
      throw new FunctionError("The argument of $parse is not valid JSON: " + s);
    }
  }

  static Object random(List<?> args, JsonataRuntime runtime) {
    arity(args, "random", 0, 1);
    if (args.isEmpty()) {
      return runtime.random().nextDouble();
    }
    Long seed = integer(arg(args, 0));
    if (seed == null) {
      throw new FunctionError("The seed argument of $random must be an integer");
    }
    // AWS seeds java.util.Random: $random(42) is 0.7275636800328681 there too.
    return new Random(seed).nextDouble();
  }

  static Object uuid(List<?> args, JsonataRuntime runtime) {
    arity(args, "uuid", 0, 0);
    byte[] bytes = new byte[16];
    runtime.random().nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (bytes[i] & 0xff);
      lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  static Object now(List<?> args, JsonataRuntime runtime) {
    arity(args, "now", 0, 2);
    Object picture = arg(args, 0);
    Object timezone = arg(args, 1);
    if ((picture != null && !(picture instanceof String))
        || (timezone != null && !(timezone instanceof String))) {
      throw new FunctionError("The arguments of $now must be strings");
    }
    return Functions.dateTimeFromMillis(
        runtime.now().toEpochMilli(), (String) picture, (String) timezone);
  }
}
