package io.github.sfntest.coverage;

/** Coverage is below the configured minimum; the message lists what is not covered. */
public final class CoverageMinimumException extends AssertionError {

  private static final long serialVersionUID = 1L;

  /**
   * Coverage below the configured minimum.
   *
   * @param message which machines and measures fell short, by how much
   */
  public CoverageMinimumException(String message) {
    super(message);
  }
}
