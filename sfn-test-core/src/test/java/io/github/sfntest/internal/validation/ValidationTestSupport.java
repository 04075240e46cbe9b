package io.github.sfntest.internal.validation;

import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import java.util.List;

/** Builds expected diagnostics whose line and column come from a marker in the source text. */
final class ValidationTestSupport {

  private ValidationTestSupport() {}

  /**
   * Expected diagnostic located where {@code marker} occurs in {@code text}; a '»' inside the marker
   * marks the exact position (otherwise the marker's first character).
   */
  static Diagnostic expect(
      String code, Severity severity, String text, String pointer, String marker, String message) {
    int offset = marker.indexOf('»');
    String plain = marker.replace("»", "");
    int at = text.indexOf(plain);
    if (at < 0) {
      throw new IllegalArgumentException("marker not found: " + plain);
    }
    if (text.indexOf(plain, at + 1) >= 0) {
      throw new IllegalArgumentException("marker not unique: " + plain);
    }
    int pos = at + Math.max(0, offset);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Diagnostic(code, severity, pointer, line, pos - lineStart + 1, message);
  }

  static Diagnostic error(String code, String text, String pointer, String marker, String message) {
    return expect(code, Severity.ERROR, text, pointer, marker, message);
  }

  static Diagnostic schema(String text, String pointer, String marker, String message) {
    return error("SCHEMA_VALIDATION_FAILED", text, pointer, marker, message);
  }

  /**
   * The diagnostics with sfn-test's own text as the message (the hint where AWS's message is known,
   * else the message) and AWS's location dropped: what these rule tests pin. AWS's messages and
   * locations are pinned by {@code AwsMessagesTest} and the validation conformance corpus.
   */
  static List<Diagnostic> validate(String text) {
    return DefinitionValidator.validate(text).stream().map(ValidationTestSupport::ours).toList();
  }

  static Diagnostic ours(Diagnostic d) {
    return new Diagnostic(d.code(), d.severity(), d.pointer(), d.line(), d.column(), d.hint().isEmpty() ? d.message() : d.hint());
  }
}
