package io.github.sfntest.internal.interpreter.states;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;

/** A child execution (of a Map Run) as its parent state sees it. */
public interface ChildRun {

  void start();

  ExecutionResult result();

  ExecutionStatus status();

  /** Why a mock was missing, or null. */
  String missingMock();

  void stop(String error, String cause);

  /**
   * Why a redrive of the parent could not redrive this (ended) child, in AWS's words: the 14 days
   * after its stop, its history or maximum duration spent; null when it can be redriven.
   */
  String notRedrivableReason(java.time.Instant now);

  /** Redrives this ended child: same ARN, its history going on from the state that did not succeed. */
  void redrive();
}
