package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.isExpression;
import static io.github.sfntest.internal.validation.Values.isIntegral;
import static io.github.sfntest.internal.validation.Values.jsonataHint;
import static io.github.sfntest.internal.validation.Values.kind;
import static io.github.sfntest.internal.validation.Values.placeholderHint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.text.NearMiss;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks of one field that many rules share (integers in range, paths, enums, mutually exclusive
 * pairs, unknown fields), each reporting to the collector with the same wording everywhere.
 */
final class FieldChecks {

  private final Diagnostics out;

  FieldChecks(Diagnostics out) {
    this.out = out;
  }

  /** A Comment, where present, must be a string. */
  void comment(JsonNode obj, String ptr) {
    JsonNode comment = obj.get("Comment");
    // AWS: https://states-language.net/spec.html#toplevelfields "A State Machine MAY have a string field named Comment"
    if (comment != null && !comment.isTextual()) {
      out.error(child(ptr, "Comment"), "Comment must be a string (was " + kind(comment) + ")");
    }
  }

  /** The value of a QueryLanguage field, or null (reported) when it names no language. */
  QueryLanguage queryLanguageValue(JsonNode ql, String ptr) {
    if (ql.isTextual() && QueryLanguage.of(ql.asText()) != null) {
      return QueryLanguage.of(ql.asText());
    }
    String hint = ql.isTextual() ? NearMiss.hint(ql.asText(), List.of("JSONPath", "JSONata")) : "";
    // AWS: https://states-language.net/spec.html#toplevelfields "A State Machine MAY have a string field named
    // QueryLanguage ... The States Language supports JSONPath and JSONata"
    out.error(ptr, "QueryLanguage must be \"JSONPath\" or \"JSONata\" (was " + kind(ql) + ")" + hint);
    return null;
  }

  /** Reports every field of {@code obj} not in {@code allowed}, with a near-miss hint. */
  void unknownFields(JsonNode obj, String ptr, Set<String> allowed, String what) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        // AWS: recording: https://github.com/floci-io/floci/issues/2735 (AWS refuses a field the object does not
        // support: SCHEMA_VALIDATION_FAILED, "Field '<name>' is not supported"); callers pass the fields AWS supports
        out.keyError(child(ptr, f), "unknown field \"" + f + "\" in " + what + NearMiss.hint(f, allowed));
      }
    }
  }

  /** InputPath and OutputPath: a path, or JSON null (which selects {}). */
  void nullablePath(JsonNode s, String ptr, String field) {
    JsonNode v = s.get(field);
    if (v != null && !v.isNull()) {
      checkPath(v, child(ptr, field), field, false, " or null");
    }
  }

  void pathField(JsonNode s, String ptr, String field, boolean allowIntrinsic) {
    JsonNode v = s.get(field);
    if (v != null) {
      checkPath(v, child(ptr, field), field, allowIntrinsic, "");
    }
  }

  void checkPath(JsonNode v, String fp, String field, boolean allowIntrinsic, String alsoAllowed) {
    // AWS: https://states-language.net/spec.html#path "A Path is a string, beginning with $" and, for the ...Path
    // fields, "MUST be a Reference Path"; AWS answers "Value is not a Reference Path": recording:
    // https://github.com/floci-io/floci/issues/3733
    if (!v.isTextual()) {
      out.error(fp, field + " must be a path string" + alsoAllowed + " (was " + kind(v) + ")");
      return;
    }
    String p = PathSyntax.pathProblem(v.asText(), allowIntrinsic);
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 (a ...Path value that is not a reference path is
    // refused with "Value is not a Reference Path")
    if (p != null) {
      out.error(fp, field + " " + p);
    }
  }

  /**
   * An integer field; in JSONata states a {% %} string is also accepted. Returns the value when it
   * is a literal in range.
   */
  Long integer(String ptr, String field, JsonNode v, long min, long max, QueryLanguage q) {
    if (v.isTextual() && q == QueryLanguage.JSONATA && isExpression(v.asText())) {
      return null;
    }
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have a non-negative integer MaxConcurrency
    // field" (the fields passed here are integers of this kind, each with the bounds its caller cites); AWS answers
    // "Minimum value is 0" and "Maximum value is 100000000": recording: https://github.com/floci-io/floci/issues/3733
    if (!v.isNumber() || !isIntegral(v)) {
      out.error(ptr, field + " must be an integer" + (q == QueryLanguage.JSONATA ? " or a {% %} expression" : "")
          + " (was " + kind(v) + ")" + placeholderHint(v) + jsonataHint(v, q)
          + (v.isTextual() && q == QueryLanguage.JSONPATH && PathSyntax.looksLikePath(v.asText())
              ? "; to read it from the input use " + field + "Path" : ""));
      return null;
    }
    BigDecimal d = v.decimalValue();
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 (out of bounds: "Minimum value is 0", "Maximum
    // value is 100000000"); each caller cites its own field's bounds
    if (d.compareTo(BigDecimal.valueOf(min)) < 0) {
      out.error(ptr, field + " must be >= " + min + " (was " + v.asText() + ")");
      return null;
    }
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 ("Maximum value is 100000000")
    if (d.compareTo(BigDecimal.valueOf(max)) > 0) {
      out.error(ptr, field + " must be <= " + max + " (was " + v.asText() + ")");
      return null;
    }
    return d.longValue();
  }

  /** A number field in [min, max] (either bound may be null); the value when it is a literal in range. */
  BigDecimal number(String ptr, String field, JsonNode v, BigDecimal min, BigDecimal max, QueryLanguage q) {
    if (v.isTextual() && q == QueryLanguage.JSONATA && isExpression(v.asText())) {
      return null;
    }
    // AWS: https://states-language.net/spec.html#map-state "a ToleratedFailurePercentage field whose value MUST be a
    // number between zero and 100" (callers cite their own field's bounds); AWS answers "Minimum value is 0.0" and
    // "Maximum value is 100.0": recording: https://github.com/floci-io/floci/issues/3733
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      out.error(ptr, field + " must be a number (was " + kind(v) + ")" + placeholderHint(v) + jsonataHint(v, q));
      return null;
    }
    BigDecimal d = v.decimalValue();
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 (out of bounds: "Minimum value is 0.0", "Maximum
    // value is 100.0"); each caller cites its own field's bounds
    if (min != null && d.compareTo(min) < 0) {
      out.error(ptr, field + " must be >= " + min.toPlainString() + " (was " + v.asText() + ")");
      return null;
    }
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 ("Maximum value is 100.0")
    if (max != null && d.compareTo(max) > 0) {
      out.error(ptr, field + " must be <= " + max.toPlainString() + " (was " + v.asText() + ")");
      return null;
    }
    return d;
  }

  /** Reports {@code b} when both {@code a} and {@code b} are set. */
  void exclusive(JsonNode s, String ptr, String a, String b) {
    // AWS: https://states-language.net/spec.html#task-state "A Task State MUST NOT include both TimeoutSeconds and
    // TimeoutSecondsPath" (each caller cites its pair); AWS answers "There should only be one of the following
    // fields: [MaxItems, MaxItemsPath]": recording: https://github.com/floci-io/floci/issues/3733
    if (s.has(a) && s.has(b)) {
      out.keyError(child(ptr, b), "\"" + a + "\" and \"" + b + "\" cannot both be set; use one");
    }
  }

  /** A field that must be one of a fixed set of strings. */
  void enumField(JsonNode obj, String ptr, String field, Set<String> values) {
    JsonNode v = obj.get(field);
    // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html "InputType Accepts one of
    // the following values" (callers cite the values of their own field)
    if (v != null && !(v.isTextual() && values.contains(v.asText()))) {
      out.error(child(ptr, field), field + " must be one of " + String.join(", ", values.stream().sorted().toList())
          + " (was " + kind(v) + ")" + (v.isTextual() ? NearMiss.hint(v.asText(), values) : ""));
    }
  }

  /** ResultPath: a reference path, or JSON null (which discards the result). */
  void nullableReference(JsonNode obj, String ptr) {
    JsonNode rp = obj.get("ResultPath");
    if (rp == null || rp.isNull()) {
      return;
    }
    // AWS: https://states-language.net/spec.html#filters "The value of ResultPath MUST be a Reference Path" (null
    // discards the result)
    if (!rp.isTextual()) {
      out.error(child(ptr, "ResultPath"), "ResultPath must be a reference path string or null (was " + kind(rp) + ")");
      return;
    }
    String p = PathSyntax.referencePathProblem(rp.asText());
    // AWS: https://states-language.net/spec.html#filters "The value of ResultPath MUST be a Reference Path"
    if (p != null) {
      out.error(child(ptr, "ResultPath"), "ResultPath " + p);
    }
  }
}
