package io.github.sfntest.internal.interpreter.states;

import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.StateEntry;

/** Pass: its Result (or its effective input) goes through output processing. */
final class PassExecutor implements StateExecutor {

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Pass pass = (State.Pass) entry.state;
    if (pass.common().jsonata()) {
      ctx.io().finish(entry, null);
      return;
    }
    var effective = ctx.io().effectiveInput(entry);
    ctx.io().finish(entry, pass.result() != null ? pass.result() : effective);
  }
}
