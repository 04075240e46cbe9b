package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.State;
import java.time.Instant;

/** One entry into one state: its raw input, the Entered event, and retry bookkeeping. */
public final class StateEntry {
  public final Frame frame;
  public final State state;
  public final JsonNode rawInput;
  public final long enteredEventId;
  /** previousEventId of the Entered event (AWS links some evaluation failures to it). */
  public long enteredPreviousId;
  /** Map/Parallel: the *StateFailed event recorded when the state gives up (no retry). */
  public io.github.sfntest.history.HistoryEventType failedEvent;
  public final Instant enteredTime;
  public final int[] attempts;

  private static final int[] NO_RETRIERS = new int[0];
  public int retryCount;
  public String taskToken;
  public Scheduler.Timer timeoutTimer;
  public Scheduler.Timer heartbeatTimer;
  public boolean finished;
  /** The current task attempt still waits for its outcome (later outcomes are ignored). */
  public boolean attemptOpen;
  /** Counts task attempts, so a delayed outcome completes only the attempt that produced it. */
  public int attemptNumber;
  /** The last failure was a missed heartbeat (recorded as States.Timeout). */
  public boolean heartbeatExpired;
  /** Choice: the index of the rule taken, -1 for Default, -2 before the state chose (coverage). */
  public int choiceTaken = -2;
  /** Parallel/inline Map: what this entry's children left behind (read by a redrive). */
  public BranchOutcomes branches;
  /** Distributed Map: this entry's Map Run (a redrive of the entry redrives it). */
  public io.github.sfntest.internal.interpreter.states.DistributedMapRun mapRun;
  /** The unsuccessful entry of the same state that a redrive continues, until the executor takes it. */
  public StateEntry redriveOf;

  /** The entry this one redrives, once: a Retry of the redriven state reruns it whole. */
  public StateEntry takeRedriveOf() {
    StateEntry previous = redriveOf;
    redriveOf = null;
    return previous;
  }

  public StateEntry(Frame frame, State state, JsonNode rawInput, long enteredEventId, Instant enteredTime) {
    this.frame = frame;
    this.state = state;
    this.rawInput = rawInput;
    this.enteredEventId = enteredEventId;
    this.enteredTime = enteredTime;
    int retriers = state.common().retriers().size();
    this.attempts = retriers == 0 ? NO_RETRIERS : new int[retriers]; // shared when empty: nothing writes to it
  }

  private String enteredTimeText;

  /** $$.State.EnteredTime, formatted once per entry. */
  public String enteredTimeText() {
    if (enteredTimeText == null) {
      enteredTimeText = AwsTime.FORMAT.format(enteredTime);
    }
    return enteredTimeText;
  }

  public void cancelTimers() {
    if (timeoutTimer != null) {
      timeoutTimer.cancel();
    }
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
    }
  }
}
