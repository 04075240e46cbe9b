package io.github.sfntest.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.jsonpath.PathFields;
import io.github.sfntest.internal.query.Condition;
import io.github.sfntest.internal.query.ValueExpr;
import java.util.List;

/**
 * One state of a parsed definition. Immutable; expressions are compiled once at parse time. Raw
 * path fields are kept as the definition's JSON values: {@code null} when the field is absent,
 * {@code NullNode} when it is JSON null.
 */
public sealed interface State {

  Common common();

  default String name() {
    return common().name();
  }

  default StateType type() {
    return common().type();
  }

  /** Fields every state type may carry (absent ones are null / empty). */
  record Common(
      String name,
      StateType type,
      QueryLanguage queryLanguage,
      String next,
      boolean end,
      PathFields.Selector inputPath,
      PathFields.Selector outputPath,
      PathFields.ResultPlacement resultPath,
      ValueExpr parameters,
      ValueExpr resultSelector,
      ValueExpr assign,
      ValueExpr arguments,
      ValueExpr output,
      List<Retrier> retriers,
      List<Catcher> catchers) {

    public boolean jsonata() {
      return queryLanguage == QueryLanguage.JSONATA;
    }
  }

  record Pass(Common common, JsonNode result) implements State {}

  record Task(
      Common common,
      String resource,
      Integer timeoutSeconds,
      String timeoutSecondsPath,
      ValueExpr timeoutSecondsExpr,
      Integer heartbeatSeconds,
      String heartbeatSecondsPath,
      ValueExpr heartbeatSecondsExpr,
      JsonNode credentials)
      implements State {}

  record Choice(Common common, List<ChoiceBranch> choices, String defaultNext) implements State {}

  record ChoiceBranch(Condition condition, String next, ValueExpr assign, ValueExpr output) {}

  record Wait(
      Common common,
      Long seconds,
      String timestamp,
      String secondsPath,
      String timestampPath,
      ValueExpr secondsExpr,
      ValueExpr timestampExpr)
      implements State {}

  record Succeed(Common common) implements State {}

  record Fail(
      Common common,
      String error,
      String cause,
      String errorPath,
      String causePath,
      ValueExpr errorExpr,
      ValueExpr causeExpr)
      implements State {}

  record Parallel(Common common, List<Branch> branches) implements State {}

  record Map(
      Common common,
      PathFields.Selector itemsPath,
      ValueExpr itemsExpr,
      ValueExpr itemSelector,
      Branch processor,
      boolean distributed,
      String executionType,
      Integer maxConcurrency,
      String maxConcurrencyPath,
      ValueExpr maxConcurrencyExpr,
      JsonNode itemReader,
      JsonNode itemBatcher,
      JsonNode resultWriter,
      JsonNode toleratedFailureCount,
      String toleratedFailureCountPath,
      JsonNode toleratedFailurePercentage,
      String toleratedFailurePercentagePath,
      String label)
      implements State {}
}
