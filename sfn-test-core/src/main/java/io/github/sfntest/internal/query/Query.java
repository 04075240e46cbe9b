package io.github.sfntest.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.jsonata.JsonataRuntime;
import io.github.sfntest.internal.jsonata.JsonataTemplate;
import io.github.sfntest.internal.jsonata.JsonataType;
import io.github.sfntest.internal.jsonpath.ChoiceRule;
import io.github.sfntest.internal.jsonpath.CompiledPath;
import io.github.sfntest.internal.jsonpath.PayloadTemplate;

/**
 * The one place the parser and interpreter reach the query languages: compiles definition fields
 * once and evaluates them per state.
 */
public final class Query {

  private Query() {}

  /** Reads a path given only as text at run time; null when a definite path matches nothing. */
  public static JsonNode find(String path, EvaluationScope scope) {
    return CompiledPath.cached(path).find(scope);
  }

  /** Reads a path; fails like a template field would ("could not be found in the input"). */
  public static JsonNode read(String path, EvaluationScope scope, String field) {
    return CompiledPath.cached(path).readField(scope, field);
  }

  /** Reads a path; fails like InputPath/OutputPath ("Invalid path ... No results for path"). */
  public static JsonNode readPath(String path, EvaluationScope scope) {
    return CompiledPath.cached(path).read(scope);
  }

  /** Compiles a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign). */
  public static ValueExpr template(JsonNode template) {
    PayloadTemplate compiled = PayloadTemplate.compile(template);
    return env -> compiled.evaluate(env, env);
  }

  /** Compiles a JSONPath Choice rule. */
  public static Condition choiceRule(JsonNode rule) {
    ChoiceRule compiled = ChoiceRule.compile(rule);
    return compiled::matches;
  }

  /** Compiles a JSONata field value ({@code {% %}} templates nested anywhere). */
  public static ValueExpr jsonata(JsonNode value, String field) {
    JsonataTemplate template = JsonataTemplate.compile(value, field);
    if (template.isConstant()) {
      return env -> value;
    }
    boolean states = template.usesStates();
    return env -> template.evaluate(env, states ? env.statesVariable() : null, runtime(env));
  }

  /** Compiles a JSONata field whose result must have a type (Map {@code Items}: an array). */
  public static ValueExpr jsonata(JsonNode value, String field, JsonataType expected) {
    JsonataTemplate template = JsonataTemplate.compile(value, field);
    boolean states = template.usesStates();
    return env -> template.evaluate(env, states ? env.statesVariable() : null, runtime(env), expected);
  }

  /** Compiles a JSONata Choice {@code Condition}. */
  public static Condition jsonataCondition(JsonNode value) {
    JsonataTemplate template = JsonataTemplate.compile(value, "Condition");
    boolean states = template.usesStates();
    return env -> template.evaluateCondition(env, states ? env.statesVariable() : null, runtime(env));
  }

  private static JsonataRuntime runtime(EvalEnv env) {
    return JsonataRuntime.of(env::now, env.random());
  }
}
