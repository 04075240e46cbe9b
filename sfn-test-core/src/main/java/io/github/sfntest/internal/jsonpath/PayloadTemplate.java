package io.github.sfntest.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.intrinsics.IntrinsicCall;
import io.github.sfntest.internal.intrinsics.IntrinsicEnvironment;
import io.github.sfntest.internal.intrinsics.IntrinsicFunctions;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSONPath payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * Map's legacy {@code Parameters}, {@code Assign} in JSONPath states), compiled once.
 *
 * <p>Keys ending in {@code .$} take a path ({@code $...}, {@code $$...}, {@code $var...}) or an
 * intrinsic call, and lose the suffix in the output. Other values are copied; constant sub-trees
 * are shared, not rebuilt, on every evaluation.
 */
public final class PayloadTemplate {

  private final Part root;

  private PayloadTemplate(Part root) {
    this.root = root;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException when a {@code .$} value is not a string holding a path or an
   *     intrinsic call
   */
  public static PayloadTemplate compile(JsonNode template) {
    return compile(template, IntrinsicFunctions::parse);
  }

  /** As {@link #compile(JsonNode)} with another intrinsic parser (tests use a fake). */
  static PayloadTemplate compile(JsonNode template, Function<String, IntrinsicCall> intrinsics) {
    return new PayloadTemplate(compilePart(template, intrinsics));
  }

  /** Evaluates the template against {@code scope} ({@code $} is {@code scope.input()}). */
  public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
    return root.evaluate(scope, environment);
  }

  /** One node of the compiled template. */
  private interface Part {
    JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment);
  }

  private static Part compilePart(JsonNode node, Function<String, IntrinsicCall> intrinsics) {
    if (!isDynamic(node)) {
      return (scope, environment) -> node;
    }
    if (node.isArray()) {
      List<Part> items = new ArrayList<>(node.size());
      node.forEach(item -> items.add(compilePart(item, intrinsics)));
      return new ArrayPart(items.toArray(new Part[0]));
    }
    List<String> keys = new ArrayList<>(node.size());
    List<Part> values = new ArrayList<>(node.size());
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.endsWith(".$")) {
        keys.add(key.substring(0, key.length() - 2));
        values.add(compileDynamicValue(key, field.getValue(), intrinsics));
      } else {
        keys.add(key);
        values.add(compilePart(field.getValue(), intrinsics));
      }
    }
    // "a" and "a.$" both give "a" (the validator refuses that; the last one wins if it gets here).
    boolean distinct = new java.util.HashSet<>(keys).size() == keys.size();
    return new ObjectPart(keys.toArray(new String[0]), values.toArray(new Part[0]), distinct);
  }

  private static Part compileDynamicValue(String key, JsonNode value, Function<String, IntrinsicCall> intrinsics) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic function call");
    }
    String text = value.textValue();
    if (IntrinsicFunctions.isIntrinsicCall(text)) {
      IntrinsicCall call = intrinsics.apply(text);
      return call::evaluate;
    }
    CompiledPath path = CompiledPath.compile(text);
    return (scope, environment) -> path.readField(scope, key);
  }

  /** True when a sub-tree holds a {@code .$} key somewhere (so it must be rebuilt per call). */
  private static boolean isDynamic(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().endsWith(".$") || isDynamic(field.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (isDynamic(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final class ObjectPart implements Part {
    private final String[] keys;
    private final Part[] values;

    private final boolean distinctKeys;

    ObjectPart(String[] keys, Part[] values, boolean distinctKeys) {
      this.keys = keys;
      this.values = values;
      this.distinctKeys = distinctKeys;
    }

    @Override
    public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
      // Every object of this template shares its key array.
      ObjectNode out = distinctKeys ? Json.object(keys) : Json.object(keys.length);
      for (int i = 0; i < keys.length; i++) {
        out.set(keys[i], values[i].evaluate(scope, environment));
      }
      return out;
    }
  }

  private static final class ArrayPart implements Part {
    private final Part[] items;

    ArrayPart(Part[] items) {
      this.items = items;
    }

    @Override
    public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
      ArrayNode out = Json.NODES.arrayNode(items.length);
      for (Part item : items) {
        out.add(item.evaluate(scope, environment));
      }
      return out;
    }
  }
}
