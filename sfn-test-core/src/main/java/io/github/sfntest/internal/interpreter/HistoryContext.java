package io.github.sfntest.internal.interpreter;

/**
 * AWS links each event to a "source" event through previousEventId. Each thread of execution
 * (the execution, a Parallel branch, a Map iteration) keeps its own source and the last event it
 * published; children start from the parent's source and are folded back into it when they end.
 */
public final class HistoryContext {
  public long source;
  public long last;

  public HistoryContext(long source) {
    this.source = source;
    this.last = source;
  }

  public HistoryContext child() {
    return new HistoryContext(source);
  }

  public void integrate(HistoryContext other) {
    source = Math.max(source, other.source);
    last = Math.max(last, other.last);
  }
}
