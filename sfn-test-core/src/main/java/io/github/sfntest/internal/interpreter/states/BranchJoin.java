package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.interpreter.BranchOutcomes;
import io.github.sfntest.internal.interpreter.Frame;
import io.github.sfntest.internal.interpreter.HistoryContext;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The join of a Parallel state's branches or an inline Map state's iterations: collects their
 * outputs in order, finishes the state when the last one succeeds, and on the first failure aborts
 * the others and hands the error to the state's Retry/Catch. When the entry redrives an unsuccessful
 * one, the children that succeeded then keep their outputs and only the others run again, each from
 * the state it stopped in (AWS: "reschedules and redrives only the iterations and branches that
 * failed or aborted").
 */
abstract class BranchJoin {

  final StateContext ctx;
  final StateEntry entry;
  private final HistoryEventType succeededEvent;
  private final JsonNode[] results;
  /** The child frames still running, in start order. */
  final List<Frame> running = new ArrayList<>();
  private int completed;
  boolean failed;
  /** What this entry's children leave behind, for a later redrive. */
  private final BranchOutcomes outcomes;
  /** What the children of the unsuccessful entry this one redrives left behind, or null. */
  private final BranchOutcomes previous;

  BranchJoin(StateContext ctx, StateEntry entry, int size, HistoryEventType succeededEvent) {
    this.ctx = ctx;
    this.entry = entry;
    this.results = new JsonNode[size];
    this.succeededEvent = succeededEvent;
    this.outcomes = new BranchOutcomes(size);
    entry.branches = outcomes;
    StateEntry redriven = entry.takeRedriveOf();
    BranchOutcomes before = redriven == null ? null : redriven.branches;
    this.previous = before != null && before.size() == size ? before : null;
    for (int i = 0; previous != null && i < size; i++) {
      if (previous.output(i) != null) {
        results[i] = previous.output(i);
        outcomes.succeeded(i, results[i]);
        completed++;
      }
    }
  }

  /** A redrive keeps child {@code index}'s earlier output: it does not run again. */
  final boolean carried(int index) {
    return results[index] != null && previous != null && previous.output(index) == results[index];
  }

  /** Finishes the state when a redrive carried every child's output (only its output processing failed). */
  final void finishIfAllCarried() {
    if (completed == results.length && !failed) {
      complete();
    }
  }

  /**
   * Starts child {@code index} over {@code branch}'s states with {@code input}; on a redrive, a child
   * that had started continues from the state it stopped in, with that state's input and its variables.
   */
  final Frame start(int index, io.github.sfntest.internal.asl.Branch branch, JsonNode input) {
    Frame parent = entry.frame;
    StateEntry stopped = previous == null ? null : previous.stoppedIn(index);
    Frame child = new Frame(parent, branch, stopped != null ? previous.variables(index) : parent.variables.child(),
        parent.history.child(), new Member(index));
    outcomes.started(index, child);
    running.add(child);
    parent.cleanups.add(() -> ctx.abortFrame(child));
    started(child, index);
    if (stopped != null) {
      child.redriveFrom = stopped;
      ctx.enter(child, stopped.state.name(), stopped.rawInput);
    } else {
      ctx.enter(child, branch.startAt(), input);
    }
    return child;
  }

  private void complete() {
    HistoryContext h = entry.frame.history;
    h.source = h.last;
    ctx.emit(h, succeededEvent, null, false);
    ArrayNode array = Json.NODES.arrayNode();
    for (JsonNode r : results) {
      array.add(r);
    }
    try {
      ctx.io().finish(entry, array);
    } catch (StatesException e) {
      ctx.fail(entry, e);
    }
  }

  /** Hook: the child frame exists and is about to enter its first state. */
  void started(Frame child, int index) {}

  /** Hook: child {@code index} ended (before its history is folded into the state's). */
  void ended(Frame child, int index, boolean succeeded) {}

  /** Hook: a child succeeded and others remain. */
  void next() {}

  /** Hook: tears down a running child after a sibling failed. */
  void abort(Frame other, long link) {
    ctx.abortFrame(other);
    ctx.stateAborted(other, link);
  }

  private final class Member implements Frame.Listener {
    private final int index;

    Member(int index) {
      this.index = index;
    }

    @Override
    public void succeeded(Frame f, JsonNode out) {
      if (failed) {
        return;
      }
      ended(f, index, true);
      HistoryContext h = entry.frame.history;
      h.integrate(f.history);
      running.remove(f);
      results[index] = out;
      outcomes.succeeded(index, out);
      if (++completed < results.length) {
        next();
        return;
      }
      complete();
    }

    @Override
    public void failed(Frame f, String err, String errCause) {
      if (failed) {
        return;
      }
      failed = true;
      ended(f, index, false);
      entry.frame.history.integrate(f.history);
      running.remove(f);
      // AWS aborts every running child's state, the failed one's first.
      long link = f.history.source;
      ctx.stateAborted(f, link);
      for (Frame other : running) {
        if (!other.done) {
          abort(other, link);
        }
      }
      running.clear();
      ctx.handleError(entry, err, errCause);
    }
  }
}
