package io.github.sfntest.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.json.Json;
import java.util.List;

/** Immutable syntax tree of a parsed intrinsic call; built once, evaluated many times. */
final class IntrinsicAst {

  private IntrinsicAst() {}

  /** One argument of a call. */
  sealed interface Argument permits Literal, StringLiteral, PathArgument, Call {

    JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment);
  }

  /** A number, {@code true}, {@code false} or {@code null} literal. */
  record Literal(JsonNode value) implements Argument {
    @Override
    public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
      return value;
    }
  }

  /**
   * A single-quoted string literal. {@code templatePieces} is the text split at the unescaped
   * {@code {}} placeholders: an escaped {@code \{\}} must not count as a States.Format placeholder,
   * and that distinction is lost once the escapes are removed.
   */
  record StringLiteral(String value, List<String> templatePieces) implements Argument {
    StringLiteral {
      templatePieces = List.copyOf(templatePieces);
    }

    @Override
    public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
      return Json.NODES.textNode(value);
    }
  }

  /** A path argument ({@code $.a}, {@code $$.Execution.Id}, {@code $var.x}), read by the engine. */
  record PathArgument(String path) implements Argument {
    @Override
    public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
      return environment.readPath(path, scope);
    }
  }

  /** A (possibly nested) call such as {@code States.ArrayLength($.items)}. */
  record Call(IntrinsicFunction function, List<Argument> arguments) implements Argument, IntrinsicCall {
    Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment) {
      return function.apply(this, scope, environment);
    }
  }
}
