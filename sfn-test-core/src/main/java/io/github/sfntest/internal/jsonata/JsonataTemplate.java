package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of one JSONata-state field ({@code Output}, {@code Arguments}, {@code Items}, a Choice
 * {@code Condition}...), compiled once and evaluated many times.
 *
 * <p>The value is either a whole expression {@code "{% expr %}"} or any JSON value whose strings
 * may be expressions at any depth; other strings are literals. Every expression is parsed at
 * {@link #compile}; a syntax error is a {@link JsonataSyntaxException}. Evaluation failures are
 * {@link StatesException}s named {@code States.QueryEvaluationError} with AWS's cause text, which
 * names the expression and the field path ({@code Output/result}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonataTemplate {

  static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  /** The reserved variable the interpreter builds: {input, result?, errorOutput?, context}. */
  private static final String STATES = "states";

  /** {@code $name} references; over-matching (inside strings) only costs a lookup. */
  private static final Pattern VARIABLE = Pattern.compile("\\$([\\p{L}\\p{N}_]+)");

  private final String fieldName;
  private final Part root;
  private final Set<String> variableNames;
  private final boolean usesStates;
  /** The names referenced, when one of them is a function bound per evaluation ($now...). */
  private final Set<String> runtimeNames;

  private JsonataTemplate(String fieldName, Part root, Set<String> names) {
    this.fieldName = fieldName;
    this.root = root;
    this.usesStates = names.contains(STATES);
    Set<String> variables = new LinkedHashSet<>(names);
    variables.remove(STATES);
    // the Step Functions functions hide a variable of the same name
    variables.removeAll(JsonataFunctions.NAMES);
    this.variableNames = Collections.unmodifiableSet(variables);
    this.runtimeNames = JsonataFunctions.needsRuntime(names) ? Set.copyOf(names) : Set.of();
  }

  /**
   * Compiles {@code fieldValue} for the field {@code fieldName} (the top-level name, e.g. {@code
   * Output}; nested expressions are reported as {@code Output/key}).
   *
   * @throws JsonataSyntaxException when an expression does not parse
   */
  public static JsonataTemplate compile(JsonNode fieldValue, String fieldName) {
    Objects.requireNonNull(fieldValue, "fieldValue");
    Objects.requireNonNull(fieldName, "fieldName");
    Set<String> names = new LinkedHashSet<>();
    Part root = compilePart(fieldValue, fieldName, names);
    return new JsonataTemplate(fieldName, root, names);
  }

  /** The field name the template was compiled for. */
  public String fieldName() {
    return fieldName;
  }

  /** True when the value holds no expression; {@link #evaluate} then returns it unchanged. */
  public boolean isConstant() {
    return root instanceof Literal;
  }

  /**
   * Evaluates the template.
   *
   * @param scope where user variables ({@code $myVar}) are read from
   * @param states the {@code $states} object the interpreter built for this field, or null
   * @param runtime the execution's clock and random source
   * @return the resulting JSON value, never null
   * @throws StatesException {@code States.QueryEvaluationError} on any evaluation failure,
   *     including an expression that returns nothing (undefined)
   */
  public JsonNode evaluate(EvaluationScope scope, JsonNode states, JsonataRuntime runtime) {
    if (root instanceof Literal literal) {
      return literal.value;
    }
    Jsonata.Frame frame = bindings(scope, states, runtime);
    return root.evaluate(frame);
  }

  /**
   * Evaluates the template and checks the result has the type the field requires, failing like
   * AWS: "... returned an unexpected result type. Expected 'array', but was 'object' for value:
   * {"foo":"bar"}".
   */
  public JsonNode evaluate(
      EvaluationScope scope, JsonNode states, JsonataRuntime runtime, JsonataType expected) {
    JsonNode result = evaluate(scope, states, runtime);
    if (!expected.matches(result)) {
      throw new StatesException(
          QUERY_EVALUATION_ERROR,
          subject()
              + " returned an unexpected result type. Expected '"
              + expected.awsName()
              + "', but was '"
              + JsonataValues.typeName(result)
              + "' for value: "
              + Json.write(result));
    }
    return result;
  }

  /** Evaluates a Choice {@code Condition}: the result must be a boolean. */
  public boolean evaluateCondition(
      EvaluationScope scope, JsonNode states, JsonataRuntime runtime) {
    return evaluate(scope, states, runtime, JsonataType.BOOLEAN).booleanValue();
  }

  private String subject() {
    return root instanceof Expression expression
        ? expression.subject()
        : "The value specified for the field '" + fieldName + "'";
  }

  /**
   * One frame per evaluation holding only what the template references: {@code $states}, the
   * user variables it names, and the Step Functions functions bound to {@code runtime}.
   */
  /** Whether any expression reads {@code $states} (callers may skip building it). */
  public boolean usesStates() {
    return usesStates;
  }

  private Jsonata.Frame bindings(EvaluationScope scope, JsonNode states, JsonataRuntime runtime) {
    Jsonata.Frame frame = new Jsonata.Frame(null);
    EvaluationBudget.attach(frame);
    for (String name : variableNames) {
      JsonNode value = scope.variable(name);
      if (value != null) {
        frame.bind(name, JsonataValues.toJsonata(value));
      }
    }
    JsonataFunctions.bind(frame, runtime, runtimeNames);
    if (usesStates && states != null) {
      frame.bind(STATES, JsonataValues.toJsonata(states));
    }
    return frame;
  }

  // ---------------------------------------------------------------------------------------------
  // Compiled parts

  private static Part compilePart(JsonNode value, String field, Set<String> names) {
    if (value.isTextual() && JsonataExpressions.isExpression(value.textValue())) {
      return Expression.compile(JsonataExpressions.body(value.textValue()), field, names);
    }
    if (value.isObject()) {
      Map<String, Part> members = new LinkedHashMap<>();
      boolean constant = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Part part = compilePart(e.getValue(), field + "/" + e.getKey(), names);
        constant &= part instanceof Literal;
        members.put(e.getKey(), part);
      }
      return constant ? new Literal(value) : new ObjectPart(members);
    }
    if (value.isArray()) {
      List<Part> elements = new ArrayList<>(value.size());
      boolean constant = true;
      for (int i = 0; i < value.size(); i++) {
        Part part = compilePart(value.get(i), field + "/" + i, names);
        constant &= part instanceof Literal;
        elements.add(part);
      }
      return constant ? new Literal(value) : new ArrayPart(elements);
    }
    return new Literal(value);
  }

  private interface Part {
    JsonNode evaluate(Jsonata.Frame frame);
  }

  private record Literal(JsonNode value) implements Part {
    @Override
    public JsonNode evaluate(Jsonata.Frame frame) {
      return value;
    }
  }

  private record ObjectPart(Map<String, Part> members) implements Part {
    @Override
    public JsonNode evaluate(Jsonata.Frame frame) {
      ObjectNode object = Json.NODES.objectNode();
      members.forEach((key, part) -> object.set(key, part.evaluate(frame)));
      return object;
    }
  }

  private record ArrayPart(List<Part> elements) implements Part {
    @Override
    public JsonNode evaluate(Jsonata.Frame frame) {
      ArrayNode array = Json.NODES.arrayNode(elements.size());
      elements.forEach(part -> array.add(part.evaluate(frame)));
      return array;
    }
  }

  private static final class Expression implements Part {
    private final String text;
    private final String field;
    private final Jsonata compiled;

    private Expression(String text, String field, Jsonata compiled) {
      this.text = text;
      this.field = field;
      this.compiled = compiled;
    }

    static Expression compile(String text, String field, Set<String> names) {
      Jsonata compiled;
      try {
        compiled = Jsonata.jsonata(text);
      } catch (JException e) {
        throw new JsonataSyntaxException(text, field, e.getError(), e.getLocation(), e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        throw new JsonataSyntaxException(text, field, "S0000", 0, String.valueOf(e.getMessage()));
      }
      // Our inputs are already clean JSON values; keep null distinct from undefined in results.
      compiled.setValidateInput(false);
      compiled.setOutputConvertNulls(false);
      Set<String> referenced = new LinkedHashSet<>();
      Matcher m = VARIABLE.matcher(text);
      while (m.find()) {
        referenced.add(m.group(1));
      }
      // bound once here, on the expression's own environment, instead of on every evaluation
      Builtins.register(compiled, referenced);
      JsonataFunctions.register(compiled, referenced);
      names.addAll(referenced);
      return new Expression(text, field, compiled);
    }

    String subject() {
      return "The JSONata expression '" + text + "' specified for the field '" + field + "'";
    }

    @Override
    public JsonNode evaluate(Jsonata.Frame frame) {
      Object result;
      try {
        result = compiled.evaluate(null, frame);
      } catch (RuntimeException | StackOverflowError e) {
        throw failure(e);
      } catch (OutOfMemoryError e) {
        // the budget bounds every intermediate value, but one builtin can still ask for too much
        throw failure(new EvaluationBudget.Exceeded("Out of memory: " + e.getMessage()));
      }
      if (result == null) {
        throw new StatesException(QUERY_EVALUATION_ERROR, subject() + " returned nothing (undefined).");
      }
      try {
        return JsonataValues.toNode(result);
      } catch (JsonataValues.OutOfPolicyException e) {
        throw new StatesException(QUERY_EVALUATION_ERROR,
            subject() + " threw an error during evaluation. " + e.code + ": " + e.getMessage());
      } catch (JsonataValues.UnsupportedValueException e) {
        throw new StatesException(
            QUERY_EVALUATION_ERROR, subject() + " returned an unsupported result type.");
      }
    }

    private StatesException failure(Throwable thrown) {
      String prefix = subject() + " threw an error during evaluation";
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof JException j) {
          // JSONata's own errors: "... evaluation. T1006: Attempted to invoke a non-function"
          return new StatesException(
              QUERY_EVALUATION_ERROR, prefix + ". " + j.getError() + ": " + j.getMessage());
        }
        if (t instanceof EvaluationBudget.Exceeded b) {
          return new StatesException(
              QUERY_EVALUATION_ERROR, prefix + ". " + EvaluationBudget.CODE + ": " + b.getMessage());
        }
        if (t instanceof JsonataFunctions.FunctionError f) {
          // Errors without a JSONata code are joined with a colon.
          return new StatesException(QUERY_EVALUATION_ERROR, prefix + ": " + f.getMessage());
        }
        if (t.getCause() == t) {
          break;
        }
      }
      String detail =
          thrown instanceof StackOverflowError
              ? "Stack overflow"
              : thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
      return new StatesException(QUERY_EVALUATION_ERROR, prefix + ": " + detail);
    }
  }

  /** Free variable names of the template besides {@code $states}; visible for tests. */
  Set<String> variableNames() {
    return variableNames;
  }
}
