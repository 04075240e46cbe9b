package io.github.sfntest.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;

/**
 * The JSONPath input/output processing fields, compiled from their raw definition value:
 * {@code null} (Java) means the field is absent, {@code NullNode} means JSON null, text is a path.
 */
public final class PathFields {

  private PathFields() {}

  /** {@code InputPath} / {@code OutputPath}: selects the part of a document a state works on. */
  public interface Selector {
    /** Applies the field to {@code scope.input()} (for OutputPath: a scope over the output). */
    JsonNode apply(EvaluationScope scope);
  }

  /** {@code ResultPath}: combines the state's raw input with its result. */
  public interface ResultPlacement {
    JsonNode apply(JsonNode stateInput, JsonNode result);
  }

  private static final Selector WHOLE = EvaluationScope::input;
  private static final Selector EMPTY = scope -> Json.NODES.objectNode();

  /**
   * InputPath and OutputPath: absent or {@code "$"} keep the document, JSON null yields {@code {}},
   * a path selects (from {@code $}, {@code $$} or a variable) and fails as AWS does when it
   * matches nothing: {@code Invalid path '$.x' : No results for path: $['x']}.
   */
  public static Selector selector(JsonNode raw) {
    if (raw == null || (raw.isTextual() && raw.textValue().equals("$"))) {
      return WHOLE;
    }
    if (raw.isNull()) {
      return EMPTY;
    }
    CompiledPath path = compileText(raw);
    return path::read;
  }

  /** Whether {@code selector} keeps the whole document (an absent field or {@code "$"}). */
  public static boolean isWhole(Selector selector) {
    return selector == WHOLE;
  }

  /**
   * ResultPath: absent or {@code "$"} replace the input with the result, JSON null discards the
   * result, a reference path on {@code $} writes the result there, creating missing objects.
   */
  public static ResultPlacement resultPath(JsonNode raw) {
    if (raw == null || (raw.isTextual() && raw.textValue().equals("$"))) {
      return (input, result) -> result;
    }
    if (raw.isNull()) {
      return (input, result) -> input;
    }
    CompiledPath path = compileText(raw);
    if (path.root() != CompiledPath.Root.INPUT || path.simpleSteps() == null) {
      throw new IllegalArgumentException(
          "The value for the field 'ResultPath' must be a valid ReferencePath: " + path.text());
    }
    Object[] steps = path.simpleSteps();
    return (input, result) -> place(path.text(), input, steps, 0, result);
  }

  private static CompiledPath compileText(JsonNode raw) {
    if (!raw.isTextual()) {
      throw new IllegalArgumentException("A path field must be a string or null, not " + raw.getNodeType());
    }
    return CompiledPath.compileReference(raw.textValue());
  }

  /** Rebuilds only the objects along the path; everything else is shared with the input. */
  private static JsonNode place(String path, JsonNode node, Object[] steps, int at, JsonNode result) {
    if (at == steps.length) {
      return result;
    }
    Object step = steps[at];
    if (step instanceof String) {
      String key = (String) step;
      if (node == null) {
        // A missing intermediate object is created, as AWS does.
        return Json.NODES.objectNode().set(key, place(path, null, steps, at + 1, result));
      }
      if (!node.isObject()) {
        throw cannotApply(path, node);
      }
      ObjectNode copy = Json.NODES.objectNode();
      copy.setAll((ObjectNode) node);
      copy.set(key, place(path, node.get(key), steps, at + 1, result));
      return copy;
    }
    int index = (Integer) step;
    if (node == null || !node.isArray() || index >= node.size()) {
      throw cannotApply(path, node);
    }
    ArrayNode copy = Json.NODES.arrayNode(node.size());
    node.forEach(copy::add);
    copy.set(index, place(path, node.get(index), steps, at + 1, result));
    return copy;
  }

  private static StatesException cannotApply(String path, JsonNode node) {
    // Not in the recorded corpus; wording follows AWS's other ResultPath/Path runtime errors.
    return new StatesException(
        "States.Runtime",
        "Unable to apply ResultPath '" + path + "' to input '" + (node == null ? "null" : Json.write(node)) + "'");
  }
}
