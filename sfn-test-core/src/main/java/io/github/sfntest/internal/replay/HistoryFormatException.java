package io.github.sfntest.internal.replay;

/** A history that cannot be read; the public API reports it as {@code InvalidHistoryException}. */
public final class HistoryFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HistoryFormatException(String message) {
    super(message);
  }
}
