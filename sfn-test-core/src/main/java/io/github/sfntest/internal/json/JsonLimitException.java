package io.github.sfntest.internal.json;

/**
 * A JSON document (or a value the engine built) outside the policy of {@link Json}: nested too
 * deeply, a number out of range, or text that is not UTF-8. An {@link IllegalArgumentException}, so
 * every caller that reports bad JSON input reports this one too.
 */
public final class JsonLimitException extends IllegalArgumentException {
  public JsonLimitException(String message) {
    super(message);
  }

  public JsonLimitException(String message, Throwable cause) {
    super(message, cause);
  }
}
