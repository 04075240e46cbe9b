package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * dashjoin's built-in functions ({@code $map}, {@code $join}, ...) with a cheaper argument check.
 *
 * <p>Each built-in is a {@link JFunction} whose {@code validate} runs dashjoin's {@code
 * Signature.validate}, which compiles a regex per call (see {@link SignatureCheck}), and whose
 * {@code call} invokes its implementing method by reflection. A {@link Builtin} is the same
 * function (same signature, same implementing method, same arguments passed) whose {@code
 * validate} uses a {@link SignatureCheck} and falls back to the library's own built-in for anything
 * that check does not accept, so errors are dashjoin's own, and whose {@code call} goes through a
 * method handle. They are registered on
 * each compiled expression for the names it references, before it is first evaluated.
 *
 * <p>The table repeats dashjoin's {@code Jsonata.registerFunctions} (name, signature, implementing
 * method); {@code BuiltinsTest} checks it against the library, function by function and signature
 * by signature, so an upgrade that changes a built-in fails there instead of behaving differently.
 */
final class Builtins {

  /** name → {signature, implementing method of {@link Functions}}, as dashjoin registers them. */
  private static final String[][] TABLE = {
    {"sum", "<a<n>:n>"},
    {"count", "<a:n>"},
    {"max", "<a<n>:n>"},
    {"min", "<a<n>:n>"},
    {"average", "<a<n>:n>"},
    {"string", "<x-b?:s>"},
    {"substring", "<s-nn?:s>"},
    {"substringBefore", "<s-s:s>"},
    {"substringAfter", "<s-s:s>"},
    {"lowercase", "<s-:s>"},
    {"uppercase", "<s-:s>"},
    {"length", "<s-:n>"},
    {"trim", "<s-:s>"},
    {"pad", "<s-ns?:s>"},
    {"match", "<s-f<s:o>n?:a<o>>"},
    {"contains", "<s-(sf):b>"},
    {"replace", "<s-(sf)(sf)n?:s>"},
    {"split", "<s-(sf)n?:a<s>>"},
    {"join", "<a<s>s?:s>"},
    {"formatNumber", "<n-so?:s>"},
    {"formatBase", "<n-n?:s>"},
    {"formatInteger", "<n-s:s>"},
    {"parseInteger", "<s-s:n>"},
    {"number", "<(nsb)-:n>"},
    {"floor", "<n-:n>"},
    {"ceil", "<n-:n>"},
    {"round", "<n-n?:n>"},
    {"abs", "<n-:n>"},
    {"sqrt", "<n-:n>"},
    {"power", "<n-n:n>"},
    {"random", "<:n>"},
    {"boolean", "<x-:b>", "toBoolean"},
    {"not", "<x-:b>"},
    {"map", "<af>"},
    {"zip", "<a+>"},
    {"filter", "<af>"},
    {"single", "<af?>"},
    {"reduce", "<afj?:j>", "foldLeft"},
    {"sift", "<o-f?:o>"},
    {"keys", "<x-:a<s>>"},
    {"lookup", "<x-s:x>"},
    {"append", "<xx:a>"},
    {"exists", "<x:b>"},
    {"spread", "<x-:a<o>>"},
    {"merge", "<a<o>:o>"},
    {"reverse", "<a:a>"},
    {"each", "<o-f:a>"},
    {"error", "<s?:x>"},
    {"assert", "<bs?:x>", "assertFn"},
    {"type", "<x:s>"},
    {"sort", "<af?:a>"},
    {"shuffle", "<a:a>"},
    {"distinct", "<x:x>"},
    {"base64encode", "<s-:s>"},
    {"base64decode", "<s-:s>"},
    {"encodeUrlComponent", "<s-:s>"},
    {"encodeUrl", "<s-:s>"},
    {"decodeUrlComponent", "<s-:s>"},
    {"decodeUrl", "<s-:s>"},
    {"eval", "<sx?:x>", "functionEval"},
    {"toMillis", "<s-s?:n>", "dateTimeToMillis"},
    {"fromMillis", "<n-s?s?:s>", "dateTimeFromMillis"},
    {"clone", "<(oa)-:o>", "functionClone"},
    {"now", "<s?s?:s>"},
    {"millis", "<:n>"},
  };

  private Builtins() {}

  /**
   * A dashjoin built-in whose argument check is a {@link SignatureCheck} and whose implementing
   * method is called through a method handle resolved once, the way dashjoin's {@code
   * Functions.call} calls it by reflection on every call (which also copies the method's parameter
   * types twice and the arguments twice).
   */
  static final class Builtin extends JFunction {
    private final String signature;
    private final SignatureCheck check;
    private final JFunction original;
    private final String methodName;
    private final Class<?>[] types;
    /** (Object[]) → Object over the implementing method. */
    private final MethodHandle handle;
    /** A first parameter that takes a list gets a single value wrapped in one. */
    private final boolean wrapFirst;
    /** A single {@code JList} parameter takes all the arguments ({@code $zip}). */
    private final boolean allArguments;

    Builtin(String name, String signature, String method, JFunction original) {
      super(name, signature, Functions.class, null, method);
      this.signature = signature;
      this.check = new SignatureCheck(signature);
      this.original = original;
      Method implementation = Functions.getFunction(Functions.class, method);
      this.methodName = implementation.getName();
      this.types = implementation.getParameterTypes();
      this.wrapFirst = types.length > 0 && List.class.isAssignableFrom(types[0]);
      this.allArguments = types.length == 1 && types[0] == Utils.JList.class;
      try {
        this.handle = MethodHandles.publicLookup().unreflect(implementation)
            .asSpreader(Object[].class, types.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("dashjoin's Functions." + method + " is not public", e);
      }
    }

    @Override
    public Object validate(Object args, Object context) {
      Object validated = check.validate((List<?>) args, context);
      // dashjoin's own check raises the exact error (T0410, T0411, T0412)
      return validated == SignatureCheck.MISMATCH ? original.validate(args, context) : validated;
    }

    /** As {@code JFunction.call}: runtime exceptions as thrown, anything else wrapped. */
    @Override
    @SuppressWarnings("rawtypes")
    public Object call(Object input, List args) {
      try {
        return invoke(args);
      } catch (RuntimeException e) {
        throw e;
      } catch (Throwable e) {
        throw new RuntimeException(e);
      }
    }

    /** As dashjoin's {@code Functions.call(instance, method, args)}. */
    private Object invoke(List<?> args) throws Throwable {
      Object[] callArgs;
      if (allArguments) {
        callArgs = new Object[] {new Utils.JList<>(args)};
      } else {
        if (args.size() > types.length) {
          throw argumentError(); // reflection's "wrong number of arguments"
        }
        callArgs = new Object[types.length]; // missing arguments are null
        for (int i = 0; i < args.size(); i++) {
          callArgs[i] = args.get(i);
        }
        if (wrapFirst && callArgs[0] != null && !(callArgs[0] instanceof List)) {
          List<Object> wrapped = new ArrayList<>();
          wrapped.add(callArgs[0]);
          callArgs[0] = wrapped;
        }
        for (int i = 0; i < types.length; i++) {
          if (!accepts(types[i], callArgs[i])) {
            throw argumentError(); // reflection's "argument type mismatch"
          }
        }
      }
      Object result = (Object) handle.invokeExact(callArgs);
      return result instanceof Number n ? Utils.convertNumber(n) : result;
    }

    /** What {@code Method.invoke} accepts for a parameter (no primitive here widens). */
    private static boolean accepts(Class<?> type, Object value) {
      if (type.isPrimitive()) {
        return value != null && MethodType.methodType(type).wrap().returnType().isInstance(value);
      }
      return value == null || type.isInstance(value);
    }

    private Exception argumentError() {
      return new Exception("Argument error calling function " + methodName);
    }

    /** The signature string; visible for tests. */
    String signature() {
      return signature;
    }

    /** The library's own built-in this one stands for; visible for tests. */
    JFunction original() {
      return original;
    }
  }

  /** name → table row. */
  private static final Map<String, String[]> ROWS = rows();

  /** The built-ins created so far: each on first reference (creating all costs a cold start ~65 parses). */
  private static final Map<String, Optional<Builtin>> CREATED = new ConcurrentHashMap<>();

  private static Map<String, String[]> rows() {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String[] row : TABLE) {
      rows.put(row[0], row);
    }
    return Collections.unmodifiableMap(rows);
  }

  /** The built-in {@code name}, or empty when the library has no such built-in function. */
  private static Optional<Builtin> builtin(String name) {
    String[] row = ROWS.get(name);
    if (row == null) {
      return Optional.empty();
    }
    return CREATED.computeIfAbsent(name, n -> {
      // the library's instance, as an expression sees it before anything shadows it
      Object original = Jsonata.jsonata("$" + n).evaluate(null);
      return original instanceof JFunction function && function.getClass() == JFunction.class
          ? Optional.of(new Builtin(n, row[1], row.length > 2 ? row[2] : n, function))
          : Optional.empty();
    });
  }

  /** Every built-in of the table the library has, by name; visible for tests. */
  static Map<String, Builtin> all() {
    Map<String, Builtin> all = new LinkedHashMap<>();
    for (String name : ROWS.keySet()) {
      builtin(name).ifPresent(b -> all.put(name, b));
    }
    return all;
  }

  /**
   * Registers on {@code compiled} (its own environment, under the library's) the built-ins among
   * {@code names}, the {@code $names} its text references. Call before the expression is shared:
   * registering is not thread-safe, evaluating afterwards is.
   */
  static void register(Jsonata compiled, Set<String> names) {
    for (String name : names) {
      builtin(name).ifPresent(b -> compiled.registerFunction(name, b));
    }
  }
}
