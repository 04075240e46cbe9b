package io.github.sfntest.definition;

import java.util.Objects;

/**
 * One problem found in a state machine definition: an AWS {@code ValidateStateMachineDefinition}
 * diagnostic ({@code code}, {@code severity}, {@code message}, {@code location}) plus what sfn-test
 * adds: the JSON pointer and source position of the offending value, and a hint.
 *
 * @param code AWS's diagnostic code, e.g. {@code SCHEMA_VALIDATION_FAILED}, {@code
 *     INVALID_JSON_DESCRIPTION}, {@code MISSING_TRANSITION_TARGET}
 * @param severity {@link Severity#ERROR} when AWS would reject the definition
 * @param pointer RFC 6901 JSON pointer of the offending value or field, e.g. {@code
 *     /States/Charge/Retry/0/IntervalSeconds}; the empty string is the whole document
 * @param line 1-based line in the source text (JSON or YAML)
 * @param column 1-based column in the source text
 * @param message AWS's message for this problem, word for word where it is known; otherwise what
 *     was expected and what was found
 * @param location where AWS locates the problem: the JSON pointer of the object holding it (e.g.
 *     {@code /States/Pass}, {@code /} for the document), the parser's position text for broken
 *     JSON, or null when AWS gives none
 * @param hint sfn-test's own explanation printed after AWS's message (e.g. "did you mean"), or the
 *     empty string
 */
public record Diagnostic(
    String code, Severity severity, String pointer, int line, int column, String message, String location,
    String hint) {

  /**
   * Checks that code, severity and pointer are given.
   *
   * @param code a stable identifier of the problem
   * @param severity ERROR or WARNING
   * @param pointer the JSON pointer of the offending value
   * @param line the 1-based line
   * @param column the 1-based column
   * @param message what was expected and found
   * @param location where AWS locates the problem, or null
   * @param hint sfn-test's hint; null is read as the empty string
   */
  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /**
   * A diagnostic located by AWS at its own pointer ({@code /} for the document), with no hint.
   *
   * @param code AWS's diagnostic code
   * @param severity the severity
   * @param pointer JSON pointer of the offending value or field
   * @param line 1-based line
   * @param column 1-based column
   * @param message the message
   */
  public Diagnostic(String code, Severity severity, String pointer, int line, int column, String message) {
    this(code, severity, pointer, line, column, message, pointer.isEmpty() ? "/" : pointer, "");
  }

  /**
   * True for {@link Severity#ERROR}.
   *
   * @return whether AWS would reject the definition for this problem
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * AWS's message followed by sfn-test's hint, when there is one.
   *
   * @return the message and the hint
   */
  public String fullMessage() {
    return hint.isEmpty() ? message : message + " (" + hint + ")";
  }

  /**
   * One line for humans: {@code /States/A/Next (line 4, column 15): message (hint) [CODE]}; warnings
   * end with {@code [CODE, WARNING]}.
   *
   * @return the formatted diagnostic
   */
  public String format() {
    String where = pointer.isEmpty() ? "(document)" : pointer;
    String tag = severity == Severity.ERROR ? code : code + ", WARNING";
    return where + " (line " + line + ", column " + column + "): " + fullMessage() + " [" + tag + "]";
  }

  @Override
  public String toString() {
    return format();
  }
}
