package io.github.sfntest.internal.validation;

import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The one collector every rule reports to: it turns a JSON pointer into the source position of
 * the value (or, for "key" reports, of the field name) and keeps the diagnostics in report order.
 */
final class Diagnostics {

  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  static final String TRANSITION = "MISSING_TRANSITION_TARGET";
  static final String UNBACKED_NOTE = " (a warning, not an error: no AWS documentation or recorded AWS answer"
      + " says AWS rejects this, so AWS may accept the definition)";

  private final LocatedDocument doc;
  private final List<Diagnostic> out = new ArrayList<>();

  Diagnostics(LocatedDocument doc) {
    this.doc = doc;
  }

  /** A schema error located at the value of {@code pointer}. */
  void error(String pointer, String message) {
    error(SCHEMA, pointer, message);
  }

  /** An error with its own code, located at the value of {@code pointer}. */
  void error(String code, String pointer, String message) {
    add(code, Severity.ERROR, pointer, doc.valueAt(pointer), message);
  }

  /** A schema error located at the field name ending {@code pointer} (unknown or extra fields). */
  void keyError(String pointer, String message) {
    keyError(SCHEMA, pointer, message);
  }

  /** An error with its own code, located at the field name ending {@code pointer}. */
  void keyError(String code, String pointer, String message) {
    add(code, Severity.ERROR, pointer, doc.keyAt(pointer), message);
  }

  /** A warning located at the value of {@code pointer}. */
  void warning(String code, String pointer, String message) {
    add(code, Severity.WARNING, pointer, doc.valueAt(pointer), message);
  }

  /**
   * A WARNING for a rule that neither AWS's documentation nor a recorded AWS answer backs: our text
   * is the message, and the hint repeats it saying that AWS may accept the definition.
   */
  void unbacked(String code, String pointer, String message) {
    SourceLocation at = doc.valueAt(pointer);
    out.add(new Diagnostic(code, Severity.WARNING, pointer, at.line(), at.column(), message, location(pointer),
        message + UNBACKED_NOTE));
  }

  /** As {@link #unbacked}, positioned at the field name ending {@code pointer}. */
  void unbackedKey(String code, String pointer, String message) {
    SourceLocation at = doc.keyAt(pointer);
    out.add(new Diagnostic(code, Severity.WARNING, pointer, at.line(), at.column(), message, location(pointer),
        message + UNBACKED_NOTE));
  }

  /**
   * An ERROR with AWS's own message and location: {@code pointer} gives the source position (the
   * offending value), {@code location} where AWS points (usually the object holding the problem),
   * and {@code hint} our explanation, printed after AWS's message.
   */
  void aws(String code, String pointer, String location, String message, String hint) {
    SourceLocation at = doc.valueAt(pointer);
    out.add(new Diagnostic(code, Severity.ERROR, pointer, at.line(), at.column(), message, location, hint));
  }

  /** As {@link #aws}, positioned at the field name ending {@code pointer}. */
  void awsKey(String code, String pointer, String location, String message, String hint) {
    SourceLocation at = doc.keyAt(pointer);
    out.add(new Diagnostic(code, Severity.ERROR, pointer, at.line(), at.column(), message, location, hint));
  }

  /** AWS's location for a JSON pointer: the pointer itself, {@code /} for the document. */
  static String location(String pointer) {
    return pointer.isEmpty() ? "/" : pointer;
  }

  /** The pointer of the object holding the field {@code pointer} names. */
  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** Everything reported so far, in report order. */
  List<Diagnostic> list() {
    return out;
  }

  private void add(String code, Severity severity, String pointer, SourceLocation at, String message) {
    out.add(new Diagnostic(code, severity, pointer, at.line(), at.column(), message));
  }
}
