package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import java.util.Set;

/** Choice states: the Choices array, each rule's Next and Assign, and Default; the rules' grammar is {@link ChoiceGrammar}'s. */
final class ChoiceRule extends StateRule {

  private final ChoiceGrammar grammar;

  ChoiceRule(ValidationContext ctx) {
    super(ctx);
    this.grammar = new ChoiceGrammar(ctx.out);
  }

  @Override
  void check(StateNode st) {
    choice(st.node(), st.ptr(), st.q(), st.label(), st.statesPtr(), st.scopeNames());
  }

  private void choice(JsonNode s, String ptr, QueryLanguage q, String label, String statesPtr,
      Set<String> states) {
    JsonNode choices = s.get("Choices");
    String cp = child(ptr, "Choices");
    // AWS: https://states-language.net/#choice-state "A Choice State MUST have a 'Choices' field whose value is a non-empty array."
    if (choices == null) {
      out.error(ptr, label + " is missing required field \"Choices\" (a non-empty array of rules)");
    } else if (!choices.isArray()) {
      out.error(cp, "Choices must be a non-empty array of rules (was " + kind(choices) + ")");
    } else if (choices.isEmpty()) {
      out.error(cp, "Choices must contain at least one rule");
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        String rp = child(cp, i);
        // AWS: https://states-language.net/#choice-state "Each element of the array MUST be a JSON object and is called a Choice Rule."
        if (!rule.isObject()) {
          out.error(rp, "a choice rule must be an object (was " + kind(rule) + ")");
          continue;
        }
        if (q == QueryLanguage.JSONATA) {
          grammar.jsonataRule(rule, rp);
        } else {
          grammar.rule(rule, rp, true, 0);
        }
        transitions.requiredNext(rule, rp, "choice rule", states, statesPtr);
        if (rule.has("Assign")) {
          templates.assign(rule.get("Assign"), child(rp, "Assign"), q);
        }
      }
    }
    JsonNode def = s.get("Default");
    if (def != null) {
      // AWS: https://states-language.net/#choice-state "A Choice State MAY have a 'Default' field, whose value MUST be a string whose value MUST match a State name"
      if (!def.isTextual()) {
        out.error(child(ptr, "Default"), "Default must be a state name (was " + kind(def) + ")");
      } else {
        transitions.target(child(ptr, "Default"), "Default", def.asText(), states, statesPtr);
      }
    }
  }
}
