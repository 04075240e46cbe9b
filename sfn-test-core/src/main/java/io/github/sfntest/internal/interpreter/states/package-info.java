/**
 * One executor per state type ({@link io.github.sfntest.internal.interpreter.states.StateExecutor},
 * looked up in {@link io.github.sfntest.internal.interpreter.states.StateExecutors}). Executors
 * reach their execution only through the
 * {@link io.github.sfntest.internal.interpreter.states.StateContext} port, never the run itself.
 */
package io.github.sfntest.internal.interpreter.states;
