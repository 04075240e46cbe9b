package io.github.sfntest.internal.interpreter.states;

import io.github.sfntest.internal.interpreter.StateEntry;

/**
 * Runs one kind of state. {@link #execute} starts (or, after a retry, restarts) the state; the
 * executor leaves it through its {@link StateContext}. A StatesException thrown here is the
 * state's error, handed to Retry/Catch by the caller.
 */
public interface StateExecutor {

  void execute(StateEntry entry, StateContext ctx);
}
