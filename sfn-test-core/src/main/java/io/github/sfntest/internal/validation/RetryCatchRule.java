package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.MAX_SECONDS;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.internal.validation.FieldSpecs.Lang;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/** Retry and Catch: retrier and catcher fields, ErrorEquals, and catcher transitions. */
final class RetryCatchRule extends StateRule {

  RetryCatchRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    if (st.has("Retry") && st.accepts("Retry")) {
      retry(st.get("Retry"), st.at("Retry"));
    }
    if (st.has("Catch") && st.accepts("Catch")) {
      catchers(st.get("Catch"), st.at("Catch"), st.q(), st.scopeNames(), st.statesPtr());
    }
  }

  private void retry(JsonNode retry, String ptr) {
    // AWS: https://states-language.net/#retrying-after-error "MAY have a field named 'Retry', whose value MUST be an array of objects, called Retriers."
    if (!retry.isArray()) {
      out.error(ptr, "Retry must be an array of retriers (was " + kind(retry) + ")");
      return;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String rp = child(ptr, i);
      // AWS: https://states-language.net/#retrying-after-error "whose value MUST be an array of objects, called Retriers"
      if (!r.isObject()) {
        out.error(rp, "a retrier must be an object with ErrorEquals (was " + kind(r) + ")");
        continue;
      }
      unknownFields(r, rp, FieldSpecs.RETRIER.keySet(), "a retrier");
      errorEquals(r, rp, i, retry.size(), "retrier");
      // AWS: https://states-language.net/#retrying-after-error "a field named 'IntervalSeconds', whose value MUST be a positive integer"
      // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html "IntervalSeconds has a maximum value of 99999999."
      if (r.has("IntervalSeconds")) {
        fields.integer(child(rp, "IntervalSeconds"), "IntervalSeconds", r.get("IntervalSeconds"), 1, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
      // AWS: https://states-language.net/#retrying-after-error "a field named 'MaxAttempts' whose value MUST be a non-negative integer"
      // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html "MaxAttempts has a maximum value of 99999999."
      if (r.has("MaxAttempts")) {
        fields.integer(child(rp, "MaxAttempts"), "MaxAttempts", r.get("MaxAttempts"), 0, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
      // AWS: https://states-language.net/#retrying-after-error "The value of BackoffRate MUST be greater than or equal to 1.0."
      if (r.has("BackoffRate")) {
        fields.number(child(rp, "BackoffRate"), "BackoffRate", r.get("BackoffRate"), BigDecimal.ONE, null, QueryLanguage.JSONPATH);
      }
      // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html "You must specify a value greater than 0 and less than 31622401 for MaxDelaySeconds."
      if (r.has("MaxDelaySeconds")) {
        fields.integer(child(rp, "MaxDelaySeconds"), "MaxDelaySeconds", r.get("MaxDelaySeconds"), 1, 31_622_400, QueryLanguage.JSONPATH);
      }
      // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html "This string accepts FULL or NONE as its values."
      fields.enumField(r, rp, "JitterStrategy", Set.of("FULL", "NONE"));
      PayloadRule.comment(out, r, rp);
    }
  }

  private void catchers(JsonNode catches, String ptr, QueryLanguage q, Set<String> names, String statesPtr) {
    // AWS: https://states-language.net/#fallback-states "MAY have a field named 'Catch', whose value MUST be an array of objects, called Catchers."
    if (!catches.isArray()) {
      out.error(ptr, "Catch must be an array of catchers (was " + kind(catches) + ")");
      return;
    }
    for (int i = 0; i < catches.size(); i++) {
      JsonNode c = catches.get(i);
      String cp = child(ptr, i);
      // AWS: https://states-language.net/#fallback-states "whose value MUST be an array of objects, called Catchers"
      if (!c.isObject()) {
        out.error(cp, "a catcher must be an object with ErrorEquals and Next (was " + kind(c) + ")");
        continue;
      }
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        Lang lang = FieldSpecs.CATCHER.get(f);
        // neither the spec nor a recording says AWS refuses these, and the engine ignores them
        if (lang == null) {
          out.unbackedKey("UNKNOWN_FIELD", child(cp, f), "unknown field \"" + f + "\" in a catcher" + NearMiss.hint(f, FieldSpecs.CATCHER.keySet()));
        } else if (!lang.allows(q)) {
          String instead = FieldSpecs.replacement(f, q);
          out.unbackedKey("UNKNOWN_FIELD", child(cp, f), "field \"" + f + "\" is only valid in a "
              + (lang == Lang.JSONPATH ? "JSONPath" : "JSONata") + " catcher, but this state uses " + q.aslName()
              + (instead.isEmpty() ? "" : "; " + instead));
        }
      }
      errorEquals(c, cp, i, catches.size(), "catcher");
      transitions.requiredNext(c, cp, "catcher", names, statesPtr);
      // AWS: https://states-language.net/#filters "The value of 'ResultPath' MUST be a Reference Path"
      if (q == QueryLanguage.JSONPATH) {
        fields.nullableReference(c, cp);
      }
      if (c.has("Assign")) {
        templates.assign(c.get("Assign"), child(cp, "Assign"), q);
      }
    }
  }

  /** Unknown fields of a retrier: neither the spec nor a recording says AWS refuses them, and the engine ignores them. */
  private void unknownFields(JsonNode obj, String ptr, Set<String> allowed, String what) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        out.unbackedKey("UNKNOWN_FIELD", child(ptr, f), "unknown field \"" + f + "\" in " + what
            + NearMiss.hint(f, allowed));
      }
    }
  }

  private void errorEquals(JsonNode r, String rp, int index, int count, String what) {
    JsonNode ee = r.get("ErrorEquals");
    String ep = child(rp, "ErrorEquals");
    // AWS: https://states-language.net/#retrying-after-error "Each Retrier MUST contain a field named 'ErrorEquals' whose value MUST be a non-empty array of Strings"
    // AWS: https://states-language.net/#fallback-states "Each Catcher MUST contain a field named 'ErrorEquals', specified exactly as with the Retrier 'ErrorEquals' field"
    if (ee == null) {
      out.error(rp, what + " is missing required field \"ErrorEquals\" (e.g. [\"States.ALL\"])");
      return;
    }
    // AWS: https://states-language.net/#retrying-after-error "whose value MUST be a non-empty array of Strings"
    if (!ee.isArray()) {
      out.error(ep, "ErrorEquals must be an array of error names (was " + kind(ee) + ")");
      return;
    }
    if (ee.isEmpty()) {
      out.error(ep, "ErrorEquals must name at least one error");
      return;
    }
    for (int j = 0; j < ee.size(); j++) {
      JsonNode e = ee.get(j);
      String p = child(ep, j);
      // AWS: https://states-language.net/#retrying-after-error "whose value MUST be a non-empty array of Strings"
      if (!e.isTextual()) {
        out.error(p, "an error name must be a string (was " + kind(e) + ")");
        continue;
      }
      String name = e.asText();
      if (name.startsWith("States.") && !FieldSpecs.STATES_ERRORS.contains(name)) {
        // the spec reserves the prefix for the errors states report, not for ErrorEquals: the name never matches
        out.unbacked("RESERVED_ERROR_NAME", p, "\"" + PathSyntax.abbreviate(name) + "\" is not a predefined error: names starting with"
            + " \"States.\" are reserved" + NearMiss.hint(name, FieldSpecs.STATES_ERRORS));
      }
      // AWS: https://states-language.net/#retrying-after-error "Such a value MUST appear alone in the 'ErrorEquals' array and MUST appear in the last Retrier in the 'Retry' array."
      if (name.equals("States.ALL")) {
        if (ee.size() > 1) {
          out.error(p, "States.ALL must appear alone in ErrorEquals");
        }
        if (index != count - 1) {
          out.error(p, "a " + what + " with States.ALL must be the last one (it is " + (index + 1) + " of " + count + ")");
        }
      }
    }
  }
}
