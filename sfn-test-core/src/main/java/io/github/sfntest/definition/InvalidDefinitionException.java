package io.github.sfntest.definition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a state machine definition would be rejected by AWS. The message lists every
 * diagnostic, one per line, so a failing test shows all problems at once; {@link #diagnostics()}
 * gives them as data.
 */
public class InvalidDefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /**
   * @param diagnostics every diagnostic found (errors and warnings), in document order
   */
  public InvalidDefinitionException(List<Diagnostic> diagnostics) {
    this(null, diagnostics);
  }

  /**
   * @param stateMachineName the definition's name for the message, or null
   * @param diagnostics every diagnostic found (errors and warnings), in document order
   */
  public InvalidDefinitionException(String stateMachineName, List<Diagnostic> diagnostics) {
    super(messageOf(stateMachineName, diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Every diagnostic found, errors and warnings, in document order.
   *
   * @return the diagnostics
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String messageOf(String name, List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    return "Invalid state machine definition" + (name == null ? "" : " \"" + name + "\"") + ": "
        + errors
        + (errors == 1 ? " error" : " errors")
        + (diagnostics.size() > errors ? ", " + (diagnostics.size() - errors) + " warning(s)" : "")
        + "\n"
        + diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}
