package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.MAX_SECONDS;
import static io.github.sfntest.internal.validation.Values.isExpression;
import static io.github.sfntest.internal.validation.Values.isTimestamp;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import java.util.ArrayList;
import java.util.List;

/** Wait states: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath, each well-formed. */
final class WaitRule extends StateRule {

  WaitRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    waitState(st.node(), st.ptr(), st.q(), st.label());
  }

  private void waitState(JsonNode s, String ptr, QueryLanguage q, String label) {
    List<String> present = new ArrayList<>();
    for (String f : new String[] {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"}) {
      if (s.has(f)) {
        present.add(f);
      }
    }
    // AWS: https://states-language.net/#wait-state "A JSONPath Wait State MUST contain exactly one of 'Seconds', 'SecondsPath', 'Timestamp', or 'TimestampPath'."
    // AWS: https://states-language.net/#wait-state "A JSONata Wait State MUST contain exactly one of 'Seconds' or 'Timestamp'."
    if (present.isEmpty()) {
      out.error(ptr, label + " needs exactly one of " + (q == QueryLanguage.JSONATA
          ? "\"Seconds\" or \"Timestamp\"" : "\"Seconds\", \"Timestamp\", \"SecondsPath\" or \"TimestampPath\""));
    } else if (present.size() > 1) {
      out.keyError(child(ptr, present.get(1)), label + " has " + String.join(" and ", present)
          + "; a Wait state takes exactly one of them");
    }
    // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-wait-state.html "You must specify time as a positive, integer value from 0 up to 99999999."
    if (s.has("Seconds")) {
      fields.integer(child(ptr, "Seconds"), "Seconds", s.get("Seconds"), 0, MAX_SECONDS, q);
    }
    JsonNode ts = s.get("Timestamp");
    if (ts != null) {
      // AWS: recording: conformance/validation/cases/scenarios.base_scenarios.wait_timestamp_invalid.NO_Z
      // AWS: https://states-language.net/#wait-state "an absolute expiry time, which MUST conform to the RFC3339 profile of ISO 8601"
      if (ts.isTextual() && q == QueryLanguage.JSONATA && isExpression(ts.asText())) {
        // evaluated at run time
      } else if (!ts.isTextual()) {
        out.error(child(ptr, "Timestamp"), "Timestamp must be an ISO-8601 string such as"
            + " \"2016-03-14T01:59:00Z\" (was " + kind(ts) + ")");
      } else if (!ts.asText().contains("${") && !isTimestamp(ts.asText())) {
        out.aws(Diagnostics.SCHEMA, child(ptr, "Timestamp"), child(ptr, "Timestamp"),
            "String does not match RFC3339 timestamp", "Timestamp must be an ISO-8601 date-time with an upper-case T"
            + " and a time zone, such as \"2016-03-14T01:59:00Z\" (was \""
            + PathSyntax.abbreviate(ts.asText()) + "\")"
            + (PathSyntax.looksLikePath(ts.asText()) ? "; to read it from the input use TimestampPath" : ""));
      }
    }
    // AWS: https://states-language.net/#wait-state "A JSONPath Wait State MAY have a 'SecondsPath' field which MUST be a Reference Path"
    if (q == QueryLanguage.JSONPATH) {
      fields.pathField(s, ptr, "SecondsPath", false);
      fields.pathField(s, ptr, "TimestampPath", false);
    }
  }
}
