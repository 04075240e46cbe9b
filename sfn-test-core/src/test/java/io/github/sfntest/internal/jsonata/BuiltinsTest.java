package io.github.sfntest.internal.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.utils.Signature;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Builtins} against the dashjoin library: the same functions, and for every built-in
 * signature the same validated arguments or the same JSONata error (T0410, T0411, T0412) as the
 * library's own {@code Signature.validate}, over every list of up to two arguments drawn from a
 * value of each type symbol (arrays of each item type included) and each context type, and lists
 * of three and four arguments from a smaller set of values.
 */
class BuiltinsTest {

  /** One value per type symbol, arrays of each item type included, for up to two arguments. */
  private static final List<Object> VALUES = values();

  /** Fewer values for three arguments: a value of each symbol, one typed array. */
  private static final List<Object> SEVEN = List.of(
      "s", 2L, true, new ArrayList<>(List.of(1L)), new LinkedHashMap<>(Map.of("k", 1L)), function(),
      Jsonata.NULL_VALUE);

  /** Fewer still for four arguments (only $replace and $zip take them). */
  private static final List<Object> FIVE = List.of("s", 2L, new ArrayList<>(List.of("x")), function(),
      Jsonata.NULL_VALUE);

  /** Context values of each symbol; the context only stands in for a missing first argument. */
  private static final List<Object> CONTEXTS = java.util.Arrays.asList("ctx", 3.5, null);

  private static List<Object> values() {
    List<Object> values = new ArrayList<>();
    values.add(null); // the symbol m, as is Jsonata.NULL_VALUE in the sets below
    values.add("text");
    values.add(1.5);
    values.add(false);
    values.add(new ArrayList<>(List.of(1L, 2.5)));
    values.add(new ArrayList<>(List.of("a", "b")));
    values.add(new ArrayList<>(List.of(Map.of("a", 1L))));
    values.add(new ArrayList<>(List.of(1L, "mixed")));
    values.add(new ArrayList<>());
    values.add(new LinkedHashMap<>(Map.of("k", "v")));
    values.add(function());
    return values;
  }

  private static JFunction function() {
    return new JFunction((input, args) -> args.size(), "<x:n>");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> libraryFunctions() throws ReflectiveOperationException {
    Field staticFrame = Jsonata.class.getDeclaredField("staticFrame");
    staticFrame.setAccessible(true);
    Field bindings = Jsonata.Frame.class.getDeclaredField("bindings");
    bindings.setAccessible(true);
    return (Map<String, Object>) bindings.get(staticFrame.get(null));
  }

  @Test
  void every_library_builtin_is_covered_with_its_own_signature() throws ReflectiveOperationException {
    Map<String, Object> library = libraryFunctions();
    assertThat(new TreeSet<>(Builtins.all().keySet())).isEqualTo(new TreeSet<>(library.keySet()));
    Field signature = JFunction.class.getDeclaredField("signature");
    signature.setAccessible(true);
    Field regex = Signature.class.getDeclaredField("_signature");
    regex.setAccessible(true);
    Field method = JFunction.class.getDeclaredField("method");
    method.setAccessible(true);
    for (Map.Entry<String, Builtins.Builtin> e : Builtins.all().entrySet()) {
      Builtins.Builtin builtin = e.getValue();
      JFunction original = (JFunction) library.get(e.getKey());
      assertThat(builtin.original()).as(e.getKey()).isSameAs(original);
      assertThat(new SignatureCheck(builtin.signature()).regex())
          .as(e.getKey())
          .isEqualTo(regex.get(signature.get(original)));
      assertThat(method.get(builtin)).as(e.getKey()).isEqualTo(method.get(original));
      assertThat(builtin.getNumberOfArgs()).as(e.getKey()).isEqualTo(original.getNumberOfArgs());
    }
  }

  @Test
  void every_builtin_validates_arguments_exactly_like_the_library() {
    // all argument lists up to one more than the signature's parameters (longer ones fail alike)
    List<List<Object>> short2 = new ArrayList<>();
    short2.add(List.of());
    addProducts(short2, new ArrayList<>(), 1, VALUES);
    addProducts(short2, new ArrayList<>(), 2, VALUES);
    List<List<Object>> three = new ArrayList<>();
    addProducts(three, new ArrayList<>(), 3, SEVEN);
    List<List<Object>> four = new ArrayList<>();
    addProducts(four, new ArrayList<>(), 4, FIVE);
    int rejected = 0;
    for (Map.Entry<String, Builtins.Builtin> e : Builtins.all().entrySet()) {
      Builtins.Builtin builtin = e.getValue();
      int params = java.util.regex.Pattern.compile(new SignatureCheck(builtin.signature()).regex())
          .matcher("").groupCount();
      boolean unbounded = builtin.signature().contains("+");
      int accepted = 0;
      int calls = 0;
      // values of one symbol and contexts after the first run on the plans cached for it
      for (List<Object> args : short2) {
        for (Object context : CONTEXTS) {
          accepted += compare(e.getKey(), builtin, args, context);
          calls++;
        }
      }
      if (params >= 2 || unbounded) {
        for (List<Object> args : three) {
          accepted += compare(e.getKey(), builtin, args, "ctx");
          calls++;
        }
      }
      if (params >= 3 || unbounded) {
        for (List<Object> args : four) {
          accepted += compare(e.getKey(), builtin, args, "ctx");
          calls++;
        }
      }
      assertThat(accepted).as("argument lists $%s accepts", e.getKey()).isPositive();
      rejected += calls - accepted;
    }
    assertThat(rejected).isPositive();
  }

  /** Functions whose results differ from call to call: only whether they fail is compared. */
  private static final java.util.Set<String> UNSTABLE = java.util.Set.of("random", "shuffle", "now", "millis");

  /**
   * Asserts the same outcome of validating the arguments and, when they are accepted, of calling
   * the function with them; 1 when they were accepted.
   */
  private static int compare(String name, Builtins.Builtin builtin, List<Object> args, Object context) {
    Outcome expected = outcome(builtin.original(), args, context);
    Outcome actual = outcome(builtin, args, context);
    assertThat(actual).as("$%s%s with context %s", name, args, context).isEqualTo(expected);
    if (expected.error != null) {
      return 0;
    }
    List<?> validated = (List<?>) builtin.original().validate(new ArrayList<>(args), context);
    String expectedCall = call(builtin.original(), validated, UNSTABLE.contains(name));
    String actualCall = call(builtin, validated, UNSTABLE.contains(name));
    assertThat(actualCall).as("calling $%s%s", name, validated).isEqualTo(expectedCall);
    return 1;
  }

  /** The result of a call, or the exception it threw (class and message). */
  private static String call(JFunction function, List<?> validated, boolean onlyFailure) {
    try {
      Object result = function.call(null, new ArrayList<>(validated));
      return onlyFailure ? "returned" : "returned " + result + (result == null ? "" : " " + result.getClass());
    } catch (RuntimeException e) {
      return "threw " + e + (e.getCause() == null ? "" : " caused by " + e.getCause().getClass());
    }
  }

  private static void addProducts(List<List<Object>> out, List<Object> prefix, int n, List<Object> values) {
    if (prefix.size() == n) {
      out.add(new ArrayList<>(prefix));
      return;
    }
    for (Object value : values) {
      prefix.add(value);
      addProducts(out, prefix, n, values);
      prefix.remove(prefix.size() - 1);
    }
  }

  /** The validated arguments (each element by identity, or a wrapping list by content), or the error. */
  private record Outcome(List<Object> validated, String error) {}

  private static Outcome outcome(JFunction function, List<Object> args, Object context) {
    Object validated;
    try {
      validated = function.validate(new ArrayList<>(args), context);
    } catch (JException e) {
      return new Outcome(null, e.getError() + " " + e.getMessage());
    } catch (RuntimeException e) {
      // the library's own failures (it indexes past an empty argument list in a few cases) too
      return new Outcome(null, e.toString());
    }
    List<Object> described = new ArrayList<>();
    for (Object value : (List<?>) validated) {
      boolean supplied = args.stream().anyMatch(a -> a == value) || value == context;
      described.add(supplied ? new Same(value) : value); // a fresh list wrapping one argument
    }
    return new Outcome(described, null);
  }

  /** Equal when the same object. */
  private record Same(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }

    @Override
    public String toString() {
      return "same " + Objects.toString(value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Through a template: the built-ins registered on compiled expressions behave as the library's

  private static String eval(String expression) {
    JsonataTemplate template =
        JsonataTemplate.compile(Json.NODES.textNode("{% " + expression + " %}"), "Output");
    return Json.write(template.evaluate(new TestScope(), TestScope.states("{}"), TestScope.runtime()));
  }

  private static String cause(String expression) {
    try {
      eval(expression);
    } catch (StatesException e) {
      return e.cause();
    }
    throw new AssertionError("expected " + expression + " to fail");
  }

  @Test
  void wrong_argument_types_fail_with_the_library_errors() {
    assertThat(cause("$uppercase(1)")).endsWith("threw an error during evaluation. T0410: "
        + new JException("T0410", -1, 1, "uppercase").getMessage());
    assertThat(cause("$sum(['a'])")).contains(". T0412: ");
    assertThat(cause("$substring('abc', 'x')")).contains(". T0410: ");
    assertThat(cause("['a'].$length(1)")).contains(". T0410: ");
  }

  @Test
  void builtins_keep_working_as_values_partially_applied_and_with_the_context() {
    assertThat(eval("$map([1, 2], $string)")).isEqualTo("[\"1\",\"2\"]");
    assertThat(eval("($first := $substring(?, 0, 2); $first('hello'))")).isEqualTo("\"he\"");
    assertThat(eval("('abc').$uppercase()")).isEqualTo("\"ABC\"");
    assertThat(eval("$sum(5)")).isEqualTo("5");
    assertThat(eval("$join(['a', 'b'], '-')")).isEqualTo("\"a-b\"");
    assertThat(eval("($map := function($x) { 'shadowed' }; $map(1))")).isEqualTo("\"shadowed\"");
  }
}
