package io.github.sfntest.internal.interpreter;

/**
 * AWS links each event to a "source" event through previousEventId. Each thread of execution
 * (the execution, a Parallel branch, a Map iteration) keeps its own source and the last event it
 * published; children start from the parent's source and are folded back into it when they end.
 */
public final class HistoryContext {
  public long source;
  public long last;
  /** 0 for the execution's own thread, 1 for a Map iteration or Parallel branch, and so on. */
  public final int depth;

  public HistoryContext(long source) {
    this(source, 0);
  }

  private HistoryContext(long source, int depth) {
    this.source = source;
    this.last = source;
    this.depth = depth;
  }

  public HistoryContext child() {
    return new HistoryContext(source, depth + 1);
  }

  public void integrate(HistoryContext other) {
    source = Math.max(source, other.source);
    last = Math.max(last, other.last);
  }
}
