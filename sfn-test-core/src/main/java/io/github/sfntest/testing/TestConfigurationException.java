package io.github.sfntest.testing;

/**
 * A test's setup is wrong: a definition or file that cannot be found or read, an unknown engine,
 * state machine or test case. The message says what is wrong and how to fix it; test framework
 * integrations rethrow it as their own configuration error.
 */
public final class TestConfigurationException extends IllegalArgumentException {

  /**
   * A test configuration problem, with a message that says what to change.
   *
   * @param message what is wrong and how to fix it
   */
  public TestConfigurationException(String message) {
    super(message);
  }

  /**
   * A test configuration problem caused by another exception.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying exception
   */
  public TestConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
