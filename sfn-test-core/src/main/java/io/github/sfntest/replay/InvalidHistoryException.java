package io.github.sfntest.replay;

/** A recorded execution history that cannot be read or used; the message says what and where. */
public final class InvalidHistoryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A history that cannot be read or is no execution history.
   *
   * @param message what is wrong with it
   */
  public InvalidHistoryException(String message) {
    super(message);
  }
}
