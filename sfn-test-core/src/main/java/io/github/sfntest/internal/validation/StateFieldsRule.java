package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.internal.validation.FieldSpecs.Lang;
import java.util.Iterator;
import java.util.Map;

/** Every field of a state must belong to its type and to its query language. */
final class StateFieldsRule extends StateRule {

  StateFieldsRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    JsonNode s = st.node();
    String ptr = st.ptr();
    String type = st.type();
    QueryLanguage q = st.q();
    String label = st.label();
    Map<String, Lang> spec = st.spec();
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      String fp = child(ptr, f);
      Lang lang = spec.get(f);
      if (lang == null) {
        String hint = NearMiss.hint(f, spec.keySet());
        if (hint.isEmpty() && type.equals("Choice") && (f.equals("Next") || f.equals("End"))) {
          hint = "; a Choice state moves on through its Choices and Default, never Next or End";
        } else if (hint.isEmpty() && (type.equals("Succeed") || type.equals("Fail")) && (f.equals("Next") || f.equals("End"))) {
          hint = "; a " + type + " state always ends its scope";
        } else if (hint.isEmpty() && f.endsWith(".$")) {
          hint = "; \".$\" keys belong inside Parameters, ResultSelector, ItemSelector or Assign";
        } else if (hint.isEmpty()) {
          for (Map.Entry<String, Map<String, Lang>> other : FieldSpecs.STATE_FIELDS.entrySet()) {
            if (other.getValue().containsKey(f)) {
              hint = "; \"" + f + "\" belongs to " + other.getKey() + " states";
              break;
            }
          }
        }
        // AWS: recording: https://github.com/floci-io/floci/issues/2735 "AWS refuses a field on any state type
        // that does not support it, with the same SCHEMA_VALIDATION_FAILED code and the same Field '<name>' is not
        // supported message, located at /States/<state>"
        out.awsKey(Diagnostics.SCHEMA, fp, ptr, "Field '" + f + "' is not supported",
            "unknown field \"" + f + "\" in " + label + hint);
      } else if (!lang.allows(q)) {
        String instead = FieldSpecs.replacement(f, q);
        // AWS: recording: https://github.com/floci-io/floci/issues/2968 "The QueryLanguage is set to 'JSONPath', but
        // field 'Output' is only supported for the 'JSONata' QueryLanguage"
        out.awsKey(Diagnostics.SCHEMA, fp, ptr, "The QueryLanguage is set to '" + q.aslName() + "', but field '" + f
            + "' is only supported for the '" + (lang == Lang.JSONPATH ? "JSONPath" : "JSONata") + "' QueryLanguage",
            "field \"" + f + "\" is only valid in "
            + (lang == Lang.JSONPATH ? "JSONPath" : "JSONata") + " states, but " + label + " uses "
            + q.aslName() + (instead.isEmpty() ? "" : "; " + instead)
            + (ctx.misplacedQueryLanguage() && lang == Lang.JSONATA
                ? " (the \"QueryLanguage\" inside States does not set the language: move it to the top level)"
                : ""));
      }
    }
  }
}
