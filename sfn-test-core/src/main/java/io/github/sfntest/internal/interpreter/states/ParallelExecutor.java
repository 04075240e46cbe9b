package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.StateEntry;

/** Parallel: every branch runs on the effective input (on a redrive, the unsuccessful ones); the outputs join into an array. */
final class ParallelExecutor implements StateExecutor {

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Parallel parallel = (State.Parallel) entry.state;
    entry.failedEvent = HistoryEventType.PARALLEL_STATE_FAILED;
    JsonNode branchInput = ctx.io().effectiveInput(entry);
    ctx.emit(entry.frame.history, HistoryEventType.PARALLEL_STATE_STARTED, null, true);
    int n = parallel.branches().size();
    BranchJoin join = new BranchJoin(ctx, entry, n, HistoryEventType.PARALLEL_STATE_SUCCEEDED) {};
    for (int i = 0; i < n; i++) {
      if (!join.carried(i)) {
        join.start(i, parallel.branches().get(i), branchInput);
      }
    }
    join.finishIfAllCarried();
  }
}
