package io.github.sfntest.internal.server;

/**
 * An AWS-shaped error answer: {@code {"__type": type, "message": message}} with an HTTP status,
 * the way the AWS JSON 1.0 protocol reports errors (the SDKs map {@code __type} to exceptions).
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;

  public ApiException(String type, String message) {
    this(type, 400, message);
  }

  public ApiException(String type, int status, String message) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  static ApiException validation(String message) {
    return new ApiException("ValidationException", message);
  }

  /** AWS's message for a missing required member. */
  static ApiException missing(String field) {
    return validation("1 validation error detected: Value null at '" + field
        + "' failed to satisfy constraint: Member must not be null");
  }

  static ApiException invalidArn(String arn, String why) {
    return new ApiException("InvalidArn", "Invalid Arn: '" + why + ": " + arn + "'");
  }
}
