package io.github.sfntest.teststate;

/**
 * A single-state test AWS's TestState API would refuse (a mock on a Pass state, a state name that
 * is not in the definition, an invalid definition...): {@link #code()} is AWS's error code
 * ({@code ValidationException}, {@code InvalidDefinition}) and the message AWS's text.
 */
public final class TestStateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** AWS's error code (serialized with the exception). */
  private final String code;

  /**
   * @param code AWS's error code
   * @param message AWS's message
   */
  public TestStateException(String code, String message) {
    super(message);
    this.code = code;
  }

  /**
   * AWS's error code, such as {@code ValidationException} or {@code InvalidDefinition}.
   *
   * @return the error code
   */
  public String code() {
    return code;
  }
}
