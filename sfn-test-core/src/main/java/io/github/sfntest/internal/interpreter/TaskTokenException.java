package io.github.sfntest.internal.interpreter;

/** A callback named a token no task is waiting for (AWS: TaskDoesNotExist / InvalidToken). */
public final class TaskTokenException extends RuntimeException {
  public TaskTokenException(String message) {
    super(message);
  }
}
