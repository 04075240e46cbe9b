package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.firstDollarKey;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass states: a Result with ".$" keys is static, which is worth a warning. */
final class PassRule extends StateRule {

  PassRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    pass(st.node(), st.ptr());
  }

  private void pass(JsonNode s, String ptr) {
    JsonNode result = s.get("Result");
    if (result != null) {
      String dollar = firstDollarKey(result, child(ptr, "Result"), 0);
      if (dollar != null) {
        out.warning("PASS_RESULT_IS_STATIC", dollar,
            "Result is used as is: \".$\" keys are not evaluated here; use Parameters to select from"
                + " the input");
      }
    }
  }
}
