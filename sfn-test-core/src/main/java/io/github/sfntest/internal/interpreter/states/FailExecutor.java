package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.intrinsics.IntrinsicFunctions;
import io.github.sfntest.internal.query.Query;

/** Fail: fails its branch with the (evaluated) Error and Cause. */
final class FailExecutor implements StateExecutor {

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Fail fail = (State.Fail) entry.state;
    StateEnv env = ctx.env(entry, entry.rawInput);
    String failError = fail.error();
    String failCause = fail.cause();
    if (fail.common().jsonata()) {
      env.lazyStates(null, null);
      if (fail.errorExpr() != null) {
        failError = Values.textOf(fail.errorExpr().evaluate(env));
      }
      if (fail.causeExpr() != null) {
        failCause = Values.textOf(fail.causeExpr().evaluate(env));
      }
    } else {
      if (fail.errorPath() != null) {
        failError = Values.textOf(pathOrIntrinsic(fail.errorPath(), env, "ErrorPath"));
      }
      if (fail.causePath() != null) {
        failCause = Values.textOf(pathOrIntrinsic(fail.causePath(), env, "CausePath"));
      }
    }
    ctx.frameFailed(entry.frame, failError, failCause);
  }

  private static JsonNode pathOrIntrinsic(String expression, StateEnv env, String field) {
    if (IntrinsicFunctions.isIntrinsicCall(expression)) {
      return IntrinsicFunctions.parse(expression).evaluate(env, env);
    }
    return Query.read(expression, env, field);
  }
}
