package io.github.sfntest.cli;

/** Bad usage or unusable input: exit code 2 with a message on stderr. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
