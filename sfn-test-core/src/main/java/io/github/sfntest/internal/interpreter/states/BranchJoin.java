package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.interpreter.Frame;
import io.github.sfntest.internal.interpreter.HistoryContext;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The join of a Parallel state's branches or an inline Map state's iterations: collects their
 * outputs in order, finishes the state when the last one succeeds, and on the first failure aborts
 * the others and hands the error to the state's Retry/Catch.
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

  BranchJoin(StateContext ctx, StateEntry entry, int size, HistoryEventType succeededEvent) {
    this.ctx = ctx;
    this.entry = entry;
    this.results = new JsonNode[size];
    this.succeededEvent = succeededEvent;
  }

  /** Starts child {@code index} over {@code branch}'s states with {@code input}. */
  final Frame start(int index, io.github.sfntest.internal.asl.Branch branch, JsonNode input) {
    Frame parent = entry.frame;
    Frame child = new Frame(parent, branch, parent.variables.child(), parent.history.child(), new Member(index));
    running.add(child);
    parent.cleanups.add(() -> ctx.abortFrame(child));
    started(child, index);
    ctx.enter(child, branch.startAt(), input);
    return child;
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
      if (++completed < results.length) {
        next();
        return;
      }
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
