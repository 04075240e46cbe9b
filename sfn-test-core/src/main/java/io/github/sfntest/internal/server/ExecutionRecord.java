package io.github.sfntest.internal.server;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One execution started through the endpoint, with what the API reports about it.
 *
 * <p>With real-time waits the engine still runs in virtual time, starting at the wall-clock start,
 * but the endpoint only reveals what has happened by now: events whose timestamp is not in the
 * future, and the final status once the stop date has passed. While the execution waits for a
 * callback, {@link #catchUp} moves its virtual clock along with the wall clock so that heartbeat
 * and task timeouts fire on time.
 */
final class ExecutionRecord {

  final String arn;
  final String name;
  final StateMachineRecord.Snapshot machine;
  final String input;
  final Instant startDate;
  final boolean realTime;
  final boolean express;
  final String testCase;
  /** The Map Run this execution is a child of, or null. */
  final String mapRunArn;
  /** The version it was started on (directly or through an alias), or null. */
  final String versionArn;
  /** The alias it was started through, or null. */
  final String aliasArn;
  private final Execution execution;
  private final Set<String> deliveredActivityTokens = new HashSet<>();
  /** Every task token this execution has waited for. */
  private final Set<String> issuedTokens = new HashSet<>();
  private Instant virtualNow;
  private ExecutionResult result;
  /** RedriveExecution's client tokens: AWS answers the last 10 idempotently. */
  private final java.util.Map<String, Instant> redriveTokens = new java.util.LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Instant> eldest) {
      return size() > 10;
    }
  };

  ExecutionRecord(String arn, String name, StateMachineRecord.Snapshot machine, String input, Instant startDate,
      boolean realTime, boolean express, String testCase, Execution execution) {
    this(arn, name, machine, input, startDate, realTime, express, testCase, null, null, null, execution);
  }

  ExecutionRecord(String arn, String name, StateMachineRecord.Snapshot machine, String input, Instant startDate,
      boolean realTime, boolean express, String testCase, String mapRunArn, String versionArn, String aliasArn,
      Execution execution) {
    this.arn = arn;
    this.name = name;
    this.machine = machine;
    this.input = input;
    this.startDate = startDate;
    this.realTime = realTime;
    this.express = express;
    this.testCase = testCase;
    this.mapRunArn = mapRunArn;
    this.versionArn = versionArn;
    this.aliasArn = aliasArn;
    this.execution = execution;
    this.virtualNow = startDate;
    if (!realTime) {
      // Skipping waits: the execution runs on at once until it ends or waits for the outside world.
      execution.runUntilBlocked();
    }
    rememberTokens();
  }

  /**
   * Notes the tokens of the tasks waiting now, so that a late answer to one of them is told apart
   * from a token this endpoint never issued. Called before anything can end a waiting task.
   */
  synchronized void rememberTokens() {
    for (WaitingTask t : waitingTasks()) {
      issuedTokens.add(t.taskToken());
    }
  }

  synchronized boolean issuedToken(String token) {
    return issuedTokens.contains(token);
  }

  /** After a callback: in skip-waits mode, run on until the execution blocks again. */
  synchronized void proceed() {
    if (!realTime) {
      execution.runUntilBlocked();
    }
    rememberTokens();
  }

  Execution execution() {
    return execution;
  }

  /** The status the API reports at {@code now}. */
  synchronized ExecutionStatus status(Instant now) {
    ExecutionStatus status = execution.status();
    if (status == ExecutionStatus.RUNNING) {
      return status;
    }
    if (realTime && result().stopDate() != null && result().stopDate().isAfter(now)) {
      return ExecutionStatus.RUNNING;
    }
    return status;
  }

  /** True while the engine itself has not finished (whatever is revealed). */
  synchronized boolean engineRunning() {
    return execution.status() == ExecutionStatus.RUNNING;
  }

  /** The result of a finished execution (only call when {@link #status} is not RUNNING). */
  synchronized ExecutionResult result() {
    if (result == null) {
      rememberTokens();
      result = execution.awaitCompletion();
    }
    return result;
  }

  /** The events that have happened by {@code now}. */
  synchronized List<HistoryEvent> events(Instant now) {
    List<HistoryEvent> all = execution.history().events();
    if (!realTime) {
      return all;
    }
    List<HistoryEvent> visible = new ArrayList<>(all.size());
    for (HistoryEvent e : all) {
      if (e.timestamp().isAfter(now)) {
        break;
      }
      visible.add(e);
    }
    return visible;
  }

  /** Real-time mode: lets virtual time catch up with the wall clock (timeouts of waiting tasks fire). */
  synchronized void catchUp(Instant now) {
    if (!realTime || execution.status() != ExecutionStatus.RUNNING) {
      return;
    }
    List<HistoryEvent> events = execution.history().events();
    if (!events.isEmpty()) {
      Instant last = events.get(events.size() - 1).timestamp();
      if (last.isAfter(virtualNow)) {
        virtualNow = last;
      }
    }
    if (now.isAfter(virtualNow)) {
      rememberTokens();
      execution.advanceTime(Duration.between(virtualNow, now));
      virtualNow = now;
    }
  }

  synchronized List<WaitingTask> waitingTasks() {
    return execution.status() == ExecutionStatus.RUNNING ? execution.waitingTasks() : List.of();
  }

  synchronized boolean isWaitingFor(String token) {
    for (WaitingTask t : waitingTasks()) {
      if (t.taskToken().equals(token)) {
        return true;
      }
    }
    return false;
  }

  /** Hands out the oldest activity task of {@code activityArn} not yet handed out, or null. */
  synchronized WaitingTask takeActivityTask(String activityArn, String workerName, Instant now) {
    catchUp(now);
    List<HistoryEvent> all = execution.history().events();
    if (realTime && !all.isEmpty() && all.get(all.size() - 1).timestamp().isAfter(now)) {
      return null; // scheduled in the virtual future: not yet visible to workers
    }
    for (WaitingTask t : waitingTasks()) {
      if (t.activity() && t.resource().equals(activityArn) && deliveredActivityTokens.add(t.taskToken())) {
        // The worker took it: the execution records ActivityStarted with the worker's name.
        return execution.startActivityTask(t.stateName(), workerName);
      }
    }
    return null;
  }

  /**
   * RedriveExecution: redrives the engine's execution once per client token (AWS answers the same
   * redriveDate for a token it has seen, keeping the last 10) and runs it on as StartExecution does.
   *
   * @return the redrive date
   * @throws io.github.sfntest.engine.ExecutionNotRedrivableException when AWS would refuse
   */
  synchronized Instant redrive(String clientToken) {
    if (clientToken != null && redriveTokens.containsKey(clientToken)) {
      return redriveTokens.get(clientToken);
    }
    rememberTokens();
    execution.redrive();
    result = null;
    Instant date = redriveDate();
    if (!realTime) {
      execution.runUntilBlocked();
    }
    rememberTokens();
    if (clientToken != null) {
      redriveTokens.put(clientToken, date);
    }
    return date;
  }

  /** How often the execution was redriven (its ExecutionRedriven events). */
  synchronized int redriveCount() {
    int count = 0;
    for (HistoryEvent e : execution.history().events()) {
      if (e.type() == io.github.sfntest.history.HistoryEventType.EXECUTION_REDRIVEN) {
        count++;
      }
    }
    return count;
  }

  /** When the execution was last redriven, or null. */
  synchronized Instant redriveDate() {
    Instant date = null;
    for (HistoryEvent e : execution.history().events()) {
      if (e.type() == io.github.sfntest.history.HistoryEventType.EXECUTION_REDRIVEN) {
        date = e.timestamp();
      }
    }
    return date;
  }

  /** DescribeExecution's redriveStatusReason, or null when the execution is REDRIVABLE. */
  synchronized String notRedrivableReason() {
    return execution.notRedrivableReason().orElse(null);
  }
}
