package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dashjoin's built-in functions ({@code $map}, {@code $join}, ...) with a cheaper argument check.
 *
 * <p>Each built-in is a {@link JFunction} whose {@code validate} runs dashjoin's {@code
 * Signature.validate}, which compiles a regex per call (see {@link SignatureCheck}). A {@link
 * Builtin} is the same function (same signature, same implementing method, called the same way)
 * whose {@code validate} uses a {@link SignatureCheck} and falls back to the library's own built-in
 * for anything that check does not accept, so errors are dashjoin's own. They are registered on
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

  private static final Map<String, Builtin> BUILTINS = create();

  private Builtins() {}

  /** A dashjoin built-in whose argument check is a {@link SignatureCheck}. */
  static final class Builtin extends JFunction {
    private final String signature;
    private final SignatureCheck check;
    private final JFunction original;

    Builtin(String name, String signature, String method, JFunction original) {
      super(name, signature, Functions.class, null, method);
      this.signature = signature;
      this.check = new SignatureCheck(signature);
      this.original = original;
    }

    @Override
    public Object validate(Object args, Object context) {
      Object validated = check.validate((List<?>) args, context);
      // dashjoin's own check raises the exact error (T0410, T0411, T0412)
      return validated == SignatureCheck.MISMATCH ? original.validate(args, context) : validated;
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

  private static Map<String, Builtin> create() {
    Map<String, Builtin> byName = new LinkedHashMap<>();
    for (String[] row : TABLE) {
      String name = row[0];
      // the library's instance, as an expression sees it before anything shadows it
      Object original = Jsonata.jsonata("$" + name).evaluate(null);
      if (original instanceof JFunction function && function.getClass() == JFunction.class) {
        byName.put(name, new Builtin(name, row[1], row.length > 2 ? row[2] : name, function));
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** The built-ins by name; visible for tests. */
  static Map<String, Builtin> all() {
    return BUILTINS;
  }

  /**
   * Registers on {@code compiled} (its own environment, under the library's) the built-ins among
   * {@code names}, the {@code $names} its text references. Call before the expression is shared:
   * registering is not thread-safe, evaluating afterwards is.
   */
  static void register(Jsonata compiled, Set<String> names) {
    for (String name : names) {
      Builtin builtin = BUILTINS.get(name);
      if (builtin != null) {
        compiled.registerFunction(name, builtin);
      }
    }
  }
}
