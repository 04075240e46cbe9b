package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.State;
import java.time.Instant;

/** One entry into one state: its raw input, the Entered event, and retry bookkeeping. */
final class StateEntry {
  final Frame frame;
  final State state;
  final JsonNode rawInput;
  final long enteredEventId;
  /** previousEventId of the Entered event (AWS links some evaluation failures to it). */
  long enteredPreviousId;
  /** Map/Parallel: the *StateFailed event recorded when the state gives up (no retry). */
  io.github.sfntest.history.HistoryEventType failedEvent;
  final Instant enteredTime;
  final int[] attempts;
  int retryCount;
  String taskToken;
  Scheduler.Timer timeoutTimer;
  Scheduler.Timer heartbeatTimer;
  boolean finished;
  /** The current task attempt still waits for its outcome (later outcomes are ignored). */
  boolean attemptOpen;
  /** Counts task attempts, so a delayed outcome completes only the attempt that produced it. */
  int attemptNumber;
  /** The last failure was a missed heartbeat (recorded as States.Timeout). */
  boolean heartbeatExpired;

  StateEntry(Frame frame, State state, JsonNode rawInput, long enteredEventId, Instant enteredTime) {
    this.frame = frame;
    this.state = state;
    this.rawInput = rawInput;
    this.enteredEventId = enteredEventId;
    this.enteredTime = enteredTime;
    this.attempts = new int[state.common().retriers().size()];
  }

  private String enteredTimeText;

  /** $$.State.EnteredTime, formatted once per entry. */
  String enteredTimeText() {
    if (enteredTimeText == null) {
      enteredTimeText = ExecutionRun.AWS_TIME.format(enteredTime);
    }
    return enteredTimeText;
  }

  void cancelTimers() {
    if (timeoutTimer != null) {
      timeoutTimer.cancel();
    }
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
    }
  }
}
