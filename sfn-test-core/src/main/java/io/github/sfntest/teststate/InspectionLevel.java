package io.github.sfntest.teststate;

/** How much of a state's data processing a single-state test reports, as AWS's TestState API. */
public enum InspectionLevel {
  /** Status, output, error, next state; no inspection data. */
  INFO,
  /** Adds the data after each processing step, and retry/catch details. */
  DEBUG,
  /** As DEBUG; AWS adds the raw HTTP request and response of an HTTP Task. */
  TRACE
}
