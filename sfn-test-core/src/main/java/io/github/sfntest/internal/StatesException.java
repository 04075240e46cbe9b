package io.github.sfntest.internal;

/**
 * An ASL runtime error raised while a state runs: {@code error} is the ASL error name
 * ({@code States.Runtime}, {@code States.IntrinsicFailure}, a custom name...) and {@code cause}
 * the human text AWS would put in the history.
 *
 * <p>Errors raised by evaluating a state's fields (paths, templates, intrinsics, JSONata) are
 * {@linkplain #stateScoped() state-scoped}: the interpreter prefixes their cause the way AWS does,
 * {@code "An error occurred while executing the state 'X' (entered at the event id #N). "}.
 * Errors that come from a task's integration are not prefixed.
 */
public class StatesException extends RuntimeException {

  private final String error;
  private final String cause;
  private final boolean stateScoped;

  public StatesException(String error, String cause) {
    this(error, cause, true);
  }

  public StatesException(String error, String cause, boolean stateScoped) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
    this.stateScoped = stateScoped;
  }

  /** An error whose cause is used verbatim (task failures, Fail states). */
  public static StatesException unscoped(String error, String cause) {
    return new StatesException(error, cause, false);
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public boolean stateScoped() {
    return stateScoped;
  }
}
