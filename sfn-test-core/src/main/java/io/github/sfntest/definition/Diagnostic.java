package io.github.sfntest.definition;

import java.util.Objects;

/**
 * One problem found in a state machine definition, shaped like an AWS {@code
 * ValidateStateMachineDefinition} diagnostic plus a source position.
 *
 * @param code AWS's diagnostic code, e.g. {@code SCHEMA_VALIDATION_FAILED}, {@code
 *     INVALID_JSON_DESCRIPTION}, {@code MISSING_TRANSITION_TARGET}
 * @param severity {@link Severity#ERROR} when AWS would reject the definition
 * @param pointer RFC 6901 JSON pointer of the offending value or field, e.g. {@code
 *     /States/Charge/Retry/0/IntervalSeconds}; the empty string is the whole document
 * @param line 1-based line in the source text (JSON or YAML)
 * @param column 1-based column in the source text
 * @param message what was expected, what was found, and a hint when one helps
 */
public record Diagnostic(
    String code, Severity severity, String pointer, int line, int column, String message) {

  /**
   * Checks that code, severity and pointer are given.
   *
   * @param code a stable identifier of the problem
   * @param severity ERROR or WARNING
   * @param pointer the JSON pointer of the offending value
   * @param line the 1-based line
   * @param column the 1-based column
   * @param message what was expected and found
   */
  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /**
   * True for {@link Severity#ERROR}.
   *
   * @return whether AWS would reject the definition
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * One line for humans: {@code /States/A/Next (line 4, column 15): message [CODE]}; warnings end
   * with {@code [CODE, WARNING]}.
   *
   * @return the formatted line
   */
  public String format() {
    String where = pointer.isEmpty() ? "(document)" : pointer;
    String tag = severity == Severity.ERROR ? code : code + ", WARNING";
    return where + " (line " + line + ", column " + column + "): " + message + " [" + tag + "]";
  }

  @Override
  public String toString() {
    return format();
  }
}
