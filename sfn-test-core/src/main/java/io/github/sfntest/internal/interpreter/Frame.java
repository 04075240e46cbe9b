package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.Branch;
import java.util.ArrayList;
import java.util.List;

/** A thread of execution: the execution itself, a Parallel branch or a Map iteration. */
final class Frame {

  interface Listener {
    void succeeded(Frame frame, JsonNode output);

    void failed(Frame frame, String error, String cause);
  }

  final Frame parent;
  final Branch branch;
  final VariableScope variables;
  final HistoryContext history;
  final Listener listener;
  /** Timers and pending tasks to cancel if this frame is aborted. */
  final List<Runnable> cleanups = new ArrayList<>();
  boolean done;
  /** The Map iteration index this frame runs, or -1. */
  int iterationIndex = -1;
  /** The state currently running in this frame (for abort events). */
  StateEntry current;

  Frame(Frame parent, Branch branch, VariableScope variables, HistoryContext history, Listener listener) {
    this.parent = parent;
    this.branch = branch;
    this.variables = variables;
    this.history = history;
    this.listener = listener;
  }

  boolean aborted() {
    for (Frame f = this; f != null; f = f.parent) {
      if (f.done && f != this) {
        return true;
      }
    }
    return done;
  }
}
