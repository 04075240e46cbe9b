package io.github.sfntest.internal.jsonpath;

import io.github.sfntest.internal.json.Slf4jDefaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ASL JSONPath, compiled once at definition-load time: {@code $...} reads the state input,
 * {@code $$...} the context object and {@code $name...} a variable.
 *
 * <p>AWS evaluates paths with Jayway, so its "not found" causes are Jayway's messages; we use
 * Jayway too and add a fast path for plain definite paths ({@code $.a.b[0]}) that only handles
 * the success case and falls back to Jayway for anything unusual, so messages stay identical.
 * Indefinite paths (wildcards, filters, slices, deep scan, unions) always yield an array, empty
 * when nothing matches.
 */
public final class CompiledPath {

  static {
    Slf4jDefaults.quietWithoutProvider(); // before the library's first SLF4J logger
  }

  /** Which document the path reads. */
  public enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  static final Configuration JAYWAY =
      Configuration.builder()
          .jsonProvider(new NodeProvider())
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  /**
   * Jackson's JsonNode provider answers JSON null for an index past the end; Jayway's other
   * providers (and so, we assume, AWS) report no match, so an out-of-range index is a miss.
   */
  static final class NodeProvider extends JacksonJsonNodeJsonProvider {
    NodeProvider() {
      super(Json.MAPPER);
    }

    @Override
    public Object getArrayIndex(Object obj, int idx) {
      if (obj instanceof JsonNode && (idx < 0 || idx >= ((JsonNode) obj).size())) {
        throw new IndexOutOfBoundsException(idx);
      }
      return super.getArrayIndex(obj, idx);
    }
  }

  private final String text;
  private final Root root;
  private final String variableName;
  /** The path relative to its root document, always starting with {@code $}. */
  private final JsonPath jayway;
  private final boolean definite;
  /** Property names (String) and non-negative indexes (Integer), or null when not plain. */
  private final Object[] simpleSteps;

  private CompiledPath(String text, Root root, String variableName, String relative) {
    this.text = text;
    this.root = root;
    this.variableName = variableName;
    this.jayway = JsonPath.compile(relative);
    this.definite = jayway.isDefinite();
    this.simpleSteps = SimplePath.parse(relative);
  }

  /**
   * Compiles a path that starts with {@code $}.
   *
   * @throws IllegalArgumentException when the text is not a JSONPath
   */
  public static CompiledPath compile(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("The value for the field must be a JSONPath starting with '$': " + text);
    }
    try {
      if (text.startsWith("$$")) {
        return new CompiledPath(text, Root.CONTEXT, null, text.substring(1));
      }
      int end = 1;
      while (end < text.length() && isVariableNameChar(text.charAt(end))) {
        end++;
      }
      if (end == 1) {
        return new CompiledPath(text, Root.INPUT, null, text);
      }
      return new CompiledPath(text, Root.VARIABLE, text.substring(1, end), "$" + text.substring(end));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("Invalid JSONPath '" + text + "': " + e.getMessage(), e);
    }
  }

  private static final ConcurrentHashMap<String, CompiledPath> CACHE = new ConcurrentHashMap<>();

  /**
   * A shared compiled path for callers that only get the text at run time (intrinsic arguments
   * read through {@code IntrinsicEnvironment.readPath}); prefer compiling at load time.
   */
  public static CompiledPath cached(String text) {
    CompiledPath path = CACHE.get(text);
    if (path == null) {
      path = compile(text);
      if (CACHE.size() < 10_000) {
        CACHE.putIfAbsent(text, path);
      }
    }
    return path;
  }

  /** Compiles a reference path: definite (a single node), as InputPath, ResultPath, Variable... */
  public static CompiledPath compileReference(String text) {
    CompiledPath path = compile(text);
    if (!path.definite) {
      throw new IllegalArgumentException("The value for the field must be a valid Reference Path: " + text);
    }
    return path;
  }

  private static boolean isVariableNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  public String text() {
    return text;
  }

  public Root root() {
    return root;
  }

  /** True when the path names at most one node (a reference path). */
  public boolean isDefinite() {
    return definite;
  }

  /** Steps of a plain path relative to its root ({@code $.a[0]} is {"a", 0}), or null. */
  Object[] simpleSteps() {
    return simpleSteps;
  }

  /** The variable a {@code $name} path reads, else null. */
  public String variableName() {
    return variableName;
  }

  /**
   * The matched value, or {@code null} when a definite path matches nothing (a JSON null value is
   * returned as {@code NullNode}). Indefinite paths never return null.
   */
  public JsonNode find(EvaluationScope scope) {
    JsonNode doc = document(scope);
    if (doc == null) {
      return null;
    }
    JsonNode fast = walk(doc);
    if (fast != null) {
      return fast;
    }
    try {
      return evaluate(doc);
    } catch (JsonPathException e) {
      return null;
    }
  }

  /**
   * The matched value; when nothing matches fails as AWS does for InputPath, OutputPath,
   * TimeoutSecondsPath...: {@code Invalid path '<path>' : <Jayway message>}.
   */
  public JsonNode read(EvaluationScope scope) {
    JsonNode doc = document(scope);
    if (doc == null) {
      throw new StatesException("States.Runtime", "Invalid path '" + text + "' : " + undefinedVariable());
    }
    JsonNode fast = walk(doc);
    if (fast != null) {
      return fast;
    }
    try {
      return evaluate(doc);
    } catch (JsonPathException e) {
      throw new StatesException("States.Runtime", "Invalid path '" + text + "' : " + e.getMessage());
    }
  }

  /**
   * The matched value; when nothing matches fails as AWS does for payload template fields and
   * Fail's ErrorPath/CausePath: {@code The JSONPath '<path>' specified for the field '<field>'
   * could not be found in the input '<state input>'}.
   */
  public JsonNode readField(EvaluationScope scope, String field) {
    JsonNode value = find(scope);
    if (value == null) {
      throw notFoundInField(field, scope);
    }
    return value;
  }

  StatesException notFoundInField(String field, EvaluationScope scope) {
    // AWS quotes the state's effective input even for $$ and variable paths (our best reading).
    return new StatesException(
        "States.Runtime",
        "The JSONPath '"
            + text
            + "' specified for the field '"
            + field
            + "' could not be found in the input '"
            + Json.write(scope.input())
            + "'");
  }

  private String undefinedVariable() {
    return "The variable '$" + variableName + "' is not defined";
  }

  private JsonNode document(EvaluationScope scope) {
    switch (root) {
      case INPUT:
        return scope.input();
      case CONTEXT:
        return scope.contextObject();
      default:
        return scope.variable(variableName);
    }
  }

  /** Fast path for plain definite paths; null means "let Jayway decide". */
  private JsonNode walk(JsonNode doc) {
    if (simpleSteps == null) {
      return null;
    }
    JsonNode node = doc;
    for (Object step : simpleSteps) {
      if (step instanceof String) {
        if (!node.isObject()) {
          return null;
        }
        node = node.get((String) step);
      } else {
        if (!node.isArray()) {
          return null;
        }
        node = node.get((Integer) step);
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private JsonNode evaluate(JsonNode doc) {
    if (!definite) {
      try {
        return toArray(jayway.read(doc, JAYWAY));
      } catch (PathNotFoundException e) {
        // Jayway still throws when a definite prefix ($.item in $.item.items[1:]) is missing;
        // AWS answers an empty list.
        return Json.NODES.arrayNode();
      }
    }
    return toNode(jayway.read(doc, JAYWAY));
  }

  private static JsonNode toArray(Object result) {
    if (result instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) result;
      // Jayway builds the array with Jackson's default factory; rebuild with ours, keeping items.
      List<JsonNode> items = new ArrayList<>(array.size());
      array.forEach(items::add);
      return Json.NODES.arrayNode(items.size()).addAll(items);
    }
    if (result instanceof Iterable) {
      ArrayNode out = Json.NODES.arrayNode();
      for (Object item : (Iterable<?>) result) {
        out.add(toNode(item));
      }
      return out;
    }
    return toNode(result);
  }

  private static JsonNode toNode(Object value) {
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    if (value == null) {
      return Json.NODES.nullNode();
    }
    // Jayway's Jackson provider unwraps scalars to Java values (String, BigDecimal, Long...).
    return Json.MAPPER.valueToTree(value);
  }

  @Override
  public String toString() {
    return text;
  }
}
