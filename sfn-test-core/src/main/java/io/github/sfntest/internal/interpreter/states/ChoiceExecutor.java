package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.interpreter.StateIo;
import io.github.sfntest.internal.query.ValueExpr;
import java.util.List;
import java.util.Map;

/** Choice: the first rule that matches picks Next (else Default, else States.NoChoiceMatched). */
final class ChoiceExecutor implements StateExecutor {

  /** The rule index {@link StateEntry#choiceTaken} holds when Default was taken. */
  static final int DEFAULT_RULE = -1;

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Choice choice = (State.Choice) entry.state;
    State.Common c = choice.common();
    StateIo io = ctx.io();
    StateEnv env = ctx.env(entry, entry.rawInput);
    if (c.jsonata()) {
      env.lazyStates(null, null);
    } else {
      env = StateIo.over(env, c.inputPath().apply(env));
    }
    List<State.ChoiceBranch> rules = choice.choices();
    for (int i = 0; i < rules.size(); i++) {
      State.ChoiceBranch branch = rules.get(i);
      if (branch.condition().test(env)) {
        Map<String, JsonNode> assigned = io.evaluateAssign(branch.assign(), env);
        JsonNode out;
        if (c.jsonata()) {
          ValueExpr outputExpr = branch.output() != null ? branch.output() : c.output();
          out = outputExpr != null ? outputExpr.evaluate(env) : entry.rawInput;
        } else {
          out = c.outputPath().apply(env);
        }
        io.applyAssign(entry.frame, assigned);
        entry.choiceTaken = i;
        ctx.exitTo(entry, out, assigned, branch.next());
        return;
      }
    }
    if (choice.defaultNext() != null) {
      JsonNode out;
      if (c.jsonata()) {
        out = c.output() != null ? c.output().evaluate(env) : entry.rawInput;
      } else {
        out = c.outputPath().apply(env);
      }
      Map<String, JsonNode> assigned = io.evaluateAssign(c.assign(), env);
      io.applyAssign(entry.frame, assigned);
      entry.choiceTaken = DEFAULT_RULE;
      ctx.exitTo(entry, out, assigned, choice.defaultNext());
      return;
    }
    throw new StatesException(StatesErrors.NO_CHOICE_MATCHED, "No Matches!", false);
  }
}
