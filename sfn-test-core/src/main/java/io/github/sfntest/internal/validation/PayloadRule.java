package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;

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
    fields.comment(s, ptr);
    if (q == QueryLanguage.JSONPATH) {
      fields.nullablePath(s, ptr, "InputPath");
      fields.nullablePath(s, ptr, "OutputPath");
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
}
