package io.github.sfntest.internal.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The executions of the endpoint by ARN, in start order; thread-safe. A start first reserves its
 * ARN, runs the execution outside the lock, then adds it, so that two concurrent starts of one name
 * cannot both succeed and other requests are not held up meanwhile.
 */
final class ExecutionStore {

  private final Map<String, ExecutionRecord> executions = new LinkedHashMap<>();
  private final Set<String> starting = new HashSet<>();
  private final Map<String, Long> sequence = new java.util.HashMap<>();
  private long lastSequence;

  /** The execution at {@code arn}; InvalidArn for a malformed ARN, ExecutionDoesNotExist if absent. */
  ExecutionRecord get(String arn) {
    Arns.checkExecution(arn);
    ExecutionRecord e;
    synchronized (this) {
      e = executions.get(arn);
    }
    if (e == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return e;
  }

  /**
   * Reserves {@code arn} for a start. Answers the execution already there when {@code reuse} accepts
   * it (AWS's idempotent start), otherwise null once reserved; ExecutionAlreadyExists if taken.
   */
  synchronized ExecutionRecord reserve(String arn, Predicate<ExecutionRecord> reuse) {
    ExecutionRecord existing = executions.get(arn);
    if (existing != null && reuse.test(existing)) {
      return existing;
    }
    if (existing != null || !starting.add(arn)) {
      throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }
    return null;
  }

  /** Ends a reservation, whether the start succeeded or failed. */
  synchronized void release(String arn) {
    starting.remove(arn);
  }

  synchronized void add(ExecutionRecord record) {
    executions.put(record.arn, record);
    sequence.put(record.arn, ++lastSequence);
  }

  /** The order {@code record} was added in (a re-added ARN moves to the end): ListExecutions pages by it. */
  synchronized long sequence(ExecutionRecord record) {
    return sequence.getOrDefault(record.arn, 0L);
  }

  /** Every execution, in start order. */
  synchronized List<ExecutionRecord> all() {
    return new ArrayList<>(executions.values());
  }

  /** The executions whose engine still runs (waiting, or waiting for a callback). */
  List<ExecutionRecord> running() {
    List<ExecutionRecord> all;
    synchronized (this) {
      all = new ArrayList<>(executions.values());
    }
    List<ExecutionRecord> running = new ArrayList<>();
    for (ExecutionRecord e : all) {
      if (e.engineRunning()) {
        running.add(e);
      }
    }
    return running;
  }

  /** The executions of one state machine, newest first (as AWS lists them). */
  List<ExecutionRecord> ofStateMachine(String stateMachineArn) {
    List<ExecutionRecord> matching = new ArrayList<>();
    synchronized (this) {
      for (ExecutionRecord e : executions.values()) {
        if (e.machine.arn().equals(stateMachineArn)) {
          matching.add(e);
        }
      }
      matching.sort(java.util.Comparator.comparingLong((ExecutionRecord e) -> sequence.get(e.arn)).reversed());
    }
    return matching;
  }
}
