package io.github.sfntest.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.intrinsics.IntrinsicCall;
import io.github.sfntest.internal.intrinsics.IntrinsicFunctions;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one place the interpreter and parser reach the query languages: compiles definition fields
 * once and evaluates them per state. (Provisional JSONPath implementation; the complete dialect
 * lives in internal.jsonpath.)
 */
public final class Query {

  private static final Configuration CONF =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  private Query() {}

  /** Reads a path against {@code $}, {@code $$} or a variable; null when it matches nothing. */
  public static JsonNode find(String path, io.github.sfntest.internal.EvaluationScope env) {
    JsonNode root;
    String rest;
    if (path.startsWith("$$")) {
      root = env.contextObject();
      rest = "$" + path.substring(2);
    } else if (path.equals("$") || path.startsWith("$.") || path.startsWith("$[")) {
      root = env.input();
      rest = path;
    } else {
      int end = 1;
      while (end < path.length() && (Character.isLetterOrDigit(path.charAt(end)) || path.charAt(end) == '_')) {
        end++;
      }
      root = env.variable(path.substring(1, end));
      if (root == null) {
        return null;
      }
      rest = "$" + path.substring(end);
    }
    if (rest.equals("$")) {
      return root;
    }
    JsonNode result = JsonPath.using(CONF).parse(root).read(rest);
    return result == null || result.isMissingNode() ? null : result;
  }

  public static JsonNode read(String path, io.github.sfntest.internal.EvaluationScope env, String field) {
    JsonNode value = find(path, env);
    if (value == null) {
      throw new StatesException(
          "States.Runtime",
          "The JSONPath '" + path + "' specified for the field '" + field
              + "' could not be found in the input '" + Json.write(env.input()) + "'");
    }
    return value;
  }

  /** Compiles a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign). */
  public static ValueExpr template(JsonNode template) {
    if (template.isObject()) {
      List<Map.Entry<String, ValueExpr>> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = template.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (key.endsWith(".$") && e.getValue().isTextual()) {
          String name = key.substring(0, key.length() - 2);
          String expr = e.getValue().asText();
          ValueExpr value;
          if (IntrinsicFunctions.isIntrinsicCall(expr)) {
            IntrinsicCall call = IntrinsicFunctions.parse(expr);
            value = env -> call.evaluate(env, env);
          } else {
            value = env -> read(expr, env, key);
          }
          fields.add(Map.entry(name, value));
        } else {
          fields.add(Map.entry(key, template(e.getValue())));
        }
      }
      return env -> {
        ObjectNode out = Json.NODES.objectNode();
        for (Map.Entry<String, ValueExpr> f : fields) {
          out.set(f.getKey(), f.getValue().evaluate(env));
        }
        return out;
      };
    }
    if (template.isArray()) {
      List<ValueExpr> items = new ArrayList<>();
      template.forEach(item -> items.add(template(item)));
      return env -> {
        var out = Json.NODES.arrayNode();
        for (ValueExpr item : items) {
          out.add(item.evaluate(env));
        }
        return out;
      };
    }
    return env -> template;
  }

  /** Applies InputPath or OutputPath: absent means {@code $}, JSON null means {@code {}}. */
  public static JsonNode selectPath(JsonNode pathField, io.github.sfntest.internal.EvaluationScope env, String field) {
    if (pathField == null) {
      return env.input();
    }
    if (pathField.isNull()) {
      return Json.NODES.objectNode();
    }
    String path = pathField.asText();
    JsonNode value = find(path, env);
    if (value == null) {
      throw new StatesException("States.Runtime", "Invalid path '" + path + "' : No results for path: " + path);
    }
    return value;
  }

  /** Applies ResultPath: combines the state's raw input with its result. */
  public static JsonNode resultPath(JsonNode pathField, JsonNode stateInput, JsonNode result) {
    if (pathField == null) {
      return result;
    }
    if (pathField.isNull()) {
      return stateInput;
    }
    String path = pathField.asText();
    if (path.equals("$")) {
      return result;
    }
    List<String> keys = new ArrayList<>();
    for (String part : path.substring(2).split("\\.")) {
      keys.add(part);
    }
    return setAt(stateInput, keys, 0, result);
  }

  private static JsonNode setAt(JsonNode node, List<String> keys, int i, JsonNode value) {
    if (i == keys.size()) {
      return value;
    }
    ObjectNode copy = node != null && node.isObject() ? ((ObjectNode) node).deepCopy() : Json.NODES.objectNode();
    copy.set(keys.get(i), setAt(node == null ? null : node.get(keys.get(i)), keys, i + 1, value));
    return copy;
  }

  /** Compiles a JSONPath Choice rule. */
  public static Condition choiceRule(JsonNode rule) {
    throw new UnsupportedOperationException("Choice rules are not wired yet");
  }

  /** Compiles a JSONata field value ({@code {% %}} templates nested anywhere). */
  public static ValueExpr jsonata(JsonNode value, String field) {
    throw new UnsupportedOperationException("JSONata is not wired yet");
  }

  /** Compiles a JSONata Choice {@code Condition}. */
  public static Condition jsonataCondition(JsonNode value) {
    throw new UnsupportedOperationException("JSONata is not wired yet");
  }
}
