package io.github.sfntest.internal.interpreter;

/**
 * Watches one execution's progress (coverage): states entered, transitions taken (with the Choice
 * rule in {@link StateEntry#choiceTaken}), retries fired and catchers taken. Called on the
 * scheduler's thread; implementations must be cheap.
 */
public interface RunObserver {

  void entered(StateEntry entry);

  /** The state left to {@code next}, or ended its branch when {@code next} is null. */
  void exited(StateEntry entry, String next);

  /** Retrier {@code retrierIndex} of the state fired for {@code error}. */
  void retried(StateEntry entry, int retrierIndex, String error);

  /** Catcher {@code catcherIndex} of the state took {@code error}. */
  void caught(StateEntry entry, int catcherIndex, String error);
}
