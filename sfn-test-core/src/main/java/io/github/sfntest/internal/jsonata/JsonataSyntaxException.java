package io.github.sfntest.internal.jsonata;

/**
 * A JSONata expression that does not parse. Raised when a template is compiled, so the definition
 * validator can report it; carries JSONata's error code ({@code S0203}...) and character position.
 */
public final class JsonataSyntaxException extends IllegalArgumentException {

  private final String expression;
  private final String field;
  private final String code;
  private final int position;

  JsonataSyntaxException(
      String expression, String field, String code, int position, String detail) {
    super(
        "The JSONata expression '"
            + expression
            + "' specified for the field '"
            + field
            + "' is invalid: "
            + code
            + " at position "
            + position
            + ": "
            + detail);
    this.expression = expression;
    this.field = field;
    this.code = code;
    this.position = position;
  }

  /** The expression text between the delimiters. */
  public String expression() {
    return expression;
  }

  /** The hierarchical field name, e.g. {@code Arguments/FunctionName}. */
  public String field() {
    return field;
  }

  /** JSONata's error code, e.g. {@code S0203}. */
  public String code() {
    return code;
  }

  /** JSONata's character position of the error within {@link #expression()}. */
  public int position() {
    return position;
  }
}
