package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.validation.FieldSpecs.Lang;
import java.util.Map;

/** A state's Comment, input/output paths and payload templates (JSONPath), its {% %} strings (JSONata), and its Assign. */
final class PayloadRule extends StateRule {

  PayloadRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    JsonNode s = st.node();
    String ptr = st.ptr();
    QueryLanguage q = st.q();
    Map<String, Lang> spec = st.spec();
    comment(out, s, ptr);
    if (q == QueryLanguage.JSONPATH) {
      // AWS: https://states-language.net/#filters "The value of 'InputPath' MUST be a Path"
      // AWS: https://states-language.net/#filters "The value of 'OutputPath' MUST be a Path"
      fields.nullablePath(s, ptr, "InputPath");
      fields.nullablePath(s, ptr, "OutputPath");
      // AWS: https://states-language.net/#filters "The value of 'ResultPath' MUST be a Reference Path"
      if (spec.containsKey("ResultPath")) {
        fields.nullableReference(s, ptr);
      }
      if (s.has("Parameters") && spec.containsKey("Parameters")) {
        templates.template(s.get("Parameters"), child(ptr, "Parameters"), "Parameters", true);
      }
      if (s.has("ResultSelector") && spec.containsKey("ResultSelector")) {
        templates.template(s.get("ResultSelector"), child(ptr, "ResultSelector"), "ResultSelector", true);
      }
    } else {
      templates.jsonataStrings(s, ptr, 0);
      for (String f : new String[] {"Arguments", "Output"}) {
        if (s.has(f) && spec.containsKey(f)) {
          templates.noDollarKeys(s.get(f), child(ptr, f), f);
        }
      }
    }
    if (s.has("Assign") && spec.containsKey("Assign")) {
      templates.assign(s.get("Assign"), child(ptr, "Assign"), q);
    }
  }

  /**
   * A Comment that is not a string: the spec only says a state MAY have a Comment, no AWS answer
   * refusing another type is recorded, and nothing runs it, so it warns.
   */
  static void comment(Diagnostics out, JsonNode obj, String ptr) {
    JsonNode comment = obj.get("Comment");
    if (comment != null && !comment.isTextual()) {
      out.unbacked("COMMENT_NOT_STRING", child(ptr, "Comment"), "Comment must be a string (was " + kind(comment) + ")");
    }
  }
}
