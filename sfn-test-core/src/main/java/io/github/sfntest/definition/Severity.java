package io.github.sfntest.definition;

/** How serious a {@link Diagnostic} is, with AWS's meaning. */
public enum Severity {
  /** AWS refuses to create or update a state machine with this definition. */
  ERROR,
  /** AWS accepts the definition but points out a probable mistake. */
  WARNING
}
