package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.util.Collection;
import java.util.Map;

/**
 * What one JSONata evaluation may spend: wall-clock time, nesting depth of the evaluation (deep
 * recursion) and the size of any intermediate string, array or object. A runaway expression (a
 * function that calls itself forever, a string doubled thirty times) stops with a JSONata error
 * that {@link JsonataTemplate} reports as {@code States.QueryEvaluationError}, naming the state's
 * field, instead of a hung test, a {@link StackOverflowError} or an {@link OutOfMemoryError}.
 *
 * <p>The depth budget (about three levels per call of a recursive function, each level about 1 KB
 * of Java stack) stops recursion well before a thread with the JVM's default 1 MB stack overflows.
 *
 * <p>The budget hooks into the evaluation frame's entry and exit callbacks (the hooks jsonata-js
 * offers for exactly this, as its "timebox"): no thread per evaluation, a counter and a clock read
 * per step. Limits come from system properties, read once: {@code sfntest.jsonata.timeoutMillis}
 * (default {@value #DEFAULT_TIMEOUT_MILLIS}), {@code sfntest.jsonata.maxDepth} (default {@value
 * #DEFAULT_MAX_DEPTH}), {@code sfntest.jsonata.maxItems} (characters of a string or members of an
 * array or object, default {@value #DEFAULT_MAX_ITEMS}); {@code sfntest.jsonata.budget=off}
 * removes the hooks (for measuring their cost).
 */
final class EvaluationBudget {

  static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
  static final int DEFAULT_MAX_DEPTH = 500;
  static final int DEFAULT_MAX_ITEMS = 10_000_000;

  static final long TIMEOUT_NANOS = Long.getLong("sfntest.jsonata.timeoutMillis", DEFAULT_TIMEOUT_MILLIS) * 1_000_000L;
  static final int MAX_DEPTH = Integer.getInteger("sfntest.jsonata.maxDepth", DEFAULT_MAX_DEPTH);
  static final int MAX_ITEMS = Integer.getInteger("sfntest.jsonata.maxItems", DEFAULT_MAX_ITEMS);
  static final boolean ENABLED = !"off".equals(System.getProperty("sfntest.jsonata.budget"));

  /** jsonata-js's code for its own timebox errors. */
  static final String CODE = "U1001";

  /** A spent budget; reported with {@link #CODE} like a JSONata error. */
  static final class Exceeded extends RuntimeException {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  private final long deadline;
  private final long timeoutNanos;
  private final int maxDepth;
  private final int maxItems;
  private int depth;
  private int steps;

  private EvaluationBudget(long timeoutNanos, int maxDepth, int maxItems) {
    this.timeoutNanos = timeoutNanos;
    this.deadline = System.nanoTime() + timeoutNanos;
    this.maxDepth = maxDepth;
    this.maxItems = maxItems;
  }

  /** Puts a fresh budget with the configured limits on {@code frame}, the evaluation's root frame. */
  static void attach(Jsonata.Frame frame) {
    if (ENABLED) {
      attach(frame, TIMEOUT_NANOS, MAX_DEPTH, MAX_ITEMS);
    }
  }

  /** Puts a fresh budget with these limits on {@code frame}; visible for tests. */
  static void attach(Jsonata.Frame frame, long timeoutNanos, int maxDepth, int maxItems) {
    EvaluationBudget budget = new EvaluationBudget(timeoutNanos, maxDepth, maxItems);
    frame.setEvaluateEntryCallback((expression, input, environment) -> budget.enter(environment));
    frame.setEvaluateExitCallback((expression, input, environment, result) -> budget.exit(environment, result));
  }

  private void enter(Jsonata.Frame environment) {
    if (environment.isParallelCall) {
      return;
    }
    if (++depth > maxDepth) {
      throw new Exceeded("Stack overflow error: the evaluation nests deeper than " + maxDepth
          + " levels. Check for non-terminating recursive function. Consider rewriting as tail-recursive.");
    }
    // the clock is cheap, but not free: read it every 64 steps
    if ((++steps & 63) == 0 && System.nanoTime() - deadline > 0) {
      throw new Exceeded("Expression evaluation timeout: the evaluation ran longer than "
          + timeoutNanos / 1_000_000 + " ms. Check for infinite loop");
    }
  }

  private void exit(Jsonata.Frame environment, Object result) {
    if (environment.isParallelCall) {
      return;
    }
    depth--;
    int size = result instanceof String s ? s.length()
        : result instanceof Collection<?> c ? c.size()
        : result instanceof Map<?, ?> m ? m.size()
        : 0;
    if (size > maxItems) {
      throw new Exceeded("Result too large: a " + (result instanceof String ? "string of " + size
          + " characters" : "value of " + size + " members") + " exceeds the evaluation budget of " + maxItems);
    }
  }
}
