package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;

/** Succeed: ends its branch with InputPath/OutputPath (or Output) applied. */
final class SucceedExecutor implements StateExecutor {

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Common c = entry.state.common();
    JsonNode out;
    StateEnv env = ctx.env(entry, entry.rawInput);
    if (c.jsonata()) {
      env.lazyStates(null, null);
      out = c.output() != null ? c.output().evaluate(env) : entry.rawInput;
    } else {
      JsonNode effective = c.inputPath().apply(env);
      out = c.outputPath().apply(env.withInput(effective));
    }
    ctx.exit(entry, out, null);
  }
}
