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
}
