package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;

/** Fail states: Error and Cause, or their Path forms. */
final class FailRule extends StateRule {

  FailRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    fail(st.node(), st.ptr(), st.q());
  }

  private void fail(JsonNode s, String ptr, QueryLanguage q) {
    // AWS: https://states-language.net/#fail-state "A Fail state MUST NOT include both 'Error' and 'ErrorPath' or both 'Cause' and 'CausePath'."
    fields.exclusive(s, ptr, "Error", "ErrorPath");
    fields.exclusive(s, ptr, "Cause", "CausePath");
    for (String f : new String[] {"Error", "Cause"}) {
      JsonNode v = s.get(f);
      if (v == null) {
        continue;
      }
      // AWS: https://states-language.net/#fail-state "A Fail State MAY have a field named 'Error', whose value MUST be a string"
      if (!v.isTextual()) {
        out.error(child(ptr, f), f + " must be a string (was " + kind(v) + ")");
      } else if (q == QueryLanguage.JSONPATH && PathSyntax.looksLikePath(v.asText())) {
        out.warning("NO_PATH", child(ptr, f), f + " \"" + PathSyntax.abbreviate(v.asText())
            + "\" looks like a path but is used as literal text; did you mean " + f + "Path?");
      }
    }
    if (q == QueryLanguage.JSONPATH) {
      // AWS: https://states-language.net/#fail-state "'ErrorPath' and 'CausePath' fields whose values MUST be Reference Paths or Intrinsic Functions"
      fields.pathField(s, ptr, "ErrorPath", true);
      fields.pathField(s, ptr, "CausePath", true);
    }
  }
}
