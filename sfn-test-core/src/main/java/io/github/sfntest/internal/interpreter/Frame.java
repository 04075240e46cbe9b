package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.Branch;
import java.util.ArrayList;
import java.util.List;

/** A thread of execution: the execution itself, a Parallel branch or a Map iteration. */
public final class Frame {

  public interface Listener {
    void succeeded(Frame frame, JsonNode output);

    void failed(Frame frame, String error, String cause);
  }

  public final Frame parent;
  public final Branch branch;
  public final VariableScope variables;
  public final HistoryContext history;
  public final Listener listener;
  /** Timers and pending tasks to cancel if this frame is aborted. */
  public final List<Runnable> cleanups = new ArrayList<>();
  public boolean done;
  /** The Map iteration index this frame runs, or -1. */
  public int iterationIndex = -1;
  /** The state currently running in this frame (for abort events). */
  public StateEntry current;
  /** A redrive: the unsuccessful entry this frame continues from, handed to its first entry. */
  public StateEntry redriveFrom;

  public Frame(Frame parent, Branch branch, VariableScope variables, HistoryContext history, Listener listener) {
    this.parent = parent;
    this.branch = branch;
    this.variables = variables;
    this.history = history;
    this.listener = listener;
  }

  /** Links a new entry of {@code name} to the unsuccessful entry a redrive continues, once. */
  void linkRedrive(StateEntry entry) {
    if (redriveFrom != null && redriveFrom.state.name().equals(entry.state.name())) {
      entry.redriveOf = redriveFrom;
    }
    redriveFrom = null;
  }

  public boolean aborted() {
    for (Frame f = this; f != null; f = f.parent) {
      if (f.done && f != this) {
        return true;
      }
    }
    return done;
  }
}
