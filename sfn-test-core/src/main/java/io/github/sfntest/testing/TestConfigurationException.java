package io.github.sfntest.testing;

/**
 * A test's setup is wrong: a definition or file that cannot be found or read, an unknown engine,
 * state machine or test case. The message says what is wrong and how to fix it; test framework
 * integrations rethrow it as their own configuration error.
 */
public final class TestConfigurationException extends IllegalArgumentException {

  public TestConfigurationException(String message) {
    super(message);
  }

  public TestConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
