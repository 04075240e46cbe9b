package io.github.sfntest.mock;

/**
 * A MockConfigFile that cannot be read: malformed JSON or a shape AWS Step Functions Local does
 * not accept. The message names the problem, where it is (JSON pointer, line and column) and how to
 * fix it, for example:
 *
 * <pre>
 * MockConfigFile.json line 14, column 9, at /MockedResponses/ChargeOk/0: a response has both "Return" and "Throw".
 * Hint: keep one of them; to return on some invocations and throw on others use separate keys, e.g. "0" and "1-2".
 * </pre>
 */
public final class MockConfigException extends IllegalArgumentException {

  /** Where the text came from (serialized with the exception). */
  private final String source;
  /** The JSON pointer of the problem (serialized with the exception). */
  private final String pointer;
  /** The 1-based line of the problem (serialized with the exception). */
  private final int line;
  /** The 1-based column of the problem (serialized with the exception). */
  private final int column;
  /** What is wrong (serialized with the exception). */
  private final String problem;
  /** How to fix it, or null (serialized with the exception). */
  private final String hint;

  /**
   * A problem at one place of a MockConfigFile.
   *
   * @param source where the text came from: a file name, or {@code "MockConfigFile"}
   * @param pointer the JSON pointer of the problem, {@code ""} for the root
   * @param line the 1-based line
   * @param column the 1-based column
   * @param problem what is wrong
   * @param hint how to fix it, or null
   */
  public MockConfigException(
      String source, String pointer, int line, int column, String problem, String hint) {
    super(format(source, pointer, line, column, problem, hint));
    this.source = source;
    this.pointer = pointer;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.hint = hint;
  }

  private static String format(
      String source, String pointer, int line, int column, String problem, String hint) {
    StringBuilder sb = new StringBuilder();
    sb.append(source).append(" line ").append(line).append(", column ").append(column);
    sb.append(", at ").append(pointer.isEmpty() ? "/" : pointer).append(": ").append(problem);
    if (hint != null && !hint.isEmpty()) {
      sb.append("\nHint: ").append(hint);
    }
    return sb.toString();
  }

  /**
   * Where the text came from: a file name, or {@code "MockConfigFile"} for text.
   *
   * @return the source's name
   */
  public String source() {
    return source;
  }

  /**
   * RFC 6901 JSON pointer of the offending value ({@code ""} for the document).
   *
   * @return the JSON pointer, {@code ""} for the root
   */
  public String pointer() {
    return pointer;
  }

  /**
   * 1-based line of the offending value (or of the syntax error).
   *
   * @return the 1-based line
   */
  public int line() {
    return line;
  }

  /**
   * 1-based column of the offending value (or of the syntax error).
   *
   * @return the 1-based column
   */
  public int column() {
    return column;
  }

  /**
   * What is wrong, without location.
   *
   * @return what is wrong
   */
  public String problem() {
    return problem;
  }

  /**
   * How to fix it, or {@code null}.
   *
   * @return how to fix it, or null
   */
  public String hint() {
    return hint;
  }
}
