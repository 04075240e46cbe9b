package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.isExpression;
import static io.github.sfntest.internal.validation.Values.isTimestamp;
import static io.github.sfntest.internal.validation.Values.kind;
import static io.github.sfntest.internal.validation.Values.placeholderHint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.internal.validation.FieldSpecs.Operand;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The grammar of one Choice rule, JSONPath (operators, combinators) or JSONata (Condition). */
final class ChoiceGrammar {

  private final Diagnostics out;

  ChoiceGrammar(Diagnostics out) {
    this.out = out;
  }

  /** A JSONata rule: a Condition, no JSONPath operators. */
  void jsonataRule(JsonNode rule, String rp) {
    Set<String> allowed = Set.of("Condition", "Next", "Assign", "Output", "Comment");
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        String hint = NearMiss.hint(f, allowed);
        if (hint.isEmpty() && (f.equals("Variable") || f.equals("And") || f.equals("Or") || f.equals("Not")
            || FieldSpecs.COMPARATORS.containsKey(f))) {
          hint = "; JSONata rules use \"Condition\": \"{% ... %}\" instead of Variable, And, Or, Not and"
              + " comparison operators";
        }
        // no AWS text forbids it, and the engine reads only Condition, Next, Assign and Output
        out.unbackedKey("UNKNOWN_FIELD", child(rp, f), "unknown field \"" + f + "\" in a JSONata choice rule" + hint);
      }
    }
    JsonNode cond = rule.get("Condition");
    // AWS: https://states-language.net/#choice-state "In a JSONata Choice State, each Choice Rule MUST have a 'Condition' field"
    // AWS: https://states-language.net/#choice-state "The 'Condition' field accepts a boolean value or a JSONata string"
    if (cond == null) {
      out.error(rp, "JSONata choice rule is missing required field \"Condition\" (a {% %} expression)");
    } else if (!cond.isBoolean() && !(cond.isTextual() && isExpression(cond.asText()))) {
      out.error(child(rp, "Condition"), "Condition must be a {% %} expression or a boolean (was " + kind(cond) + ")");
    }
  }

  /** A JSONPath rule: And, Or, Not, or a Variable with one comparison operator, nested to any depth. */
  void rule(JsonNode rule, String rp, boolean topLevel, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return;
    }
    List<String> combinators = new ArrayList<>();
    List<String> comparators = new ArrayList<>();
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equals("And") || f.equals("Or") || f.equals("Not")) {
        combinators.add(f);
      } else if (FieldSpecs.COMPARATORS.containsKey(f)) {
        comparators.add(f);
      } else if (f.equals("Variable") || f.equals("Comment")) {
        // checked below
      } else if (topLevel && (f.equals("Next") || f.equals("Assign"))) {
        // checked by the caller
      } else {
        Set<String> known = new LinkedHashSet<>(FieldSpecs.COMPARATORS.keySet());
        known.addAll(List.of("Variable", "And", "Or", "Not", "Comment"));
        if (topLevel) {
          known.addAll(List.of("Next", "Assign"));
        }
        String hint = NearMiss.hint(f, known);
        if (hint.isEmpty() && !topLevel && (f.equals("Next") || f.equals("Assign"))) {
          hint = "; only top-level rules of Choices have " + f;
        } else if (hint.isEmpty() && f.equals("Condition")) {
          hint = "; Condition needs \"QueryLanguage\": \"JSONata\"";
        }
        // AWS: https://states-language.net/#choice-state "the value MUST be a non-empty object array of Choice Rules, which MUST NOT contain 'Next' fields"
        // AWS: https://states-language.net/#choice-state "Each choice rule MUST contain exactly one field containing a comparison operator. The following comparison operators are supported"
        // (any other field of a Data-test Expression is an operator the spec does not support)
        out.keyError(child(rp, f), "unknown field \"" + f + "\" in a choice rule" + hint);
      }
    }
    JsonNode variable = rule.get("Variable");
    if (!combinators.isEmpty()) {
      // AWS: https://states-language.net/#choice-state "A Choice Rule MUST be either a Boolean Expression or a Data-test Expression."
      if (combinators.size() > 1 || !comparators.isEmpty() || variable != null) {
        out.error(rp, "a choice rule is either one of And, Or, Not or a Variable with one comparison operator;"
            + " this one has " + String.join(", ", concat(combinators, comparators, variable)));
      }
      String c = combinators.get(0);
      JsonNode v = rule.get(c);
      String cp = child(rp, c);
      if (c.equals("Not")) {
        // AWS: https://states-language.net/#choice-state "The value of a Boolean Expression containing a 'Not' field MUST be a single Choice Rule"
        if (!v.isObject()) {
          out.error(cp, "Not must be a single rule object (was " + kind(v) + ")");
        } else {
          rule(v, cp, false, depth + 1);
        }
      } else if (!v.isArray() || v.isEmpty()) {
        // AWS: https://states-language.net/#choice-state "If the field name is 'And' or 'Or', the value MUST be a non-empty object array of Choice Rules"
        out.error(cp, c + " must be a non-empty array of rules (was " + kind(v) + ")");
      } else {
        for (int i = 0; i < v.size(); i++) {
          JsonNode r = v.get(i);
          if (!r.isObject()) {
            // AWS: https://states-language.net/#choice-state "the value MUST be a non-empty object array of Choice Rules"
            out.error(child(cp, i), "a choice rule must be an object (was " + kind(r) + ")");
          } else {
            rule(r, child(cp, i), false, depth + 1);
          }
        }
      }
      return;
    }
    // AWS: https://states-language.net/#choice-state "A Data-test Expression MUST contain a field named 'Variable' whose value MUST be a Path."
    if (variable == null) {
      out.error(rp, "choice rule needs \"Variable\" and one comparison operator, or And, Or, Not");
    } else if (!variable.isTextual()) {
      out.error(child(rp, "Variable"), "Variable must be a path string (was " + kind(variable) + ")");
    } else {
      String p = PathSyntax.pathProblem(variable.asText(), false);
      // AWS: https://states-language.net/#choice-state "a field named 'Variable' whose value MUST be a Path"
      if (p != null) {
        out.error(child(rp, "Variable"), "Variable " + p);
      }
    }
    // AWS: https://states-language.net/#choice-state "Each choice rule MUST contain exactly one field containing a comparison operator."
    if (comparators.isEmpty()) {
      out.error(rp, "choice rule has no comparison operator (e.g. StringEquals, NumericGreaterThan, IsPresent)");
      return;
    }
    // AWS: https://states-language.net/#choice-state "Each choice rule MUST contain exactly one field containing a comparison operator."
    if (comparators.size() > 1) {
      out.keyError(child(rp, comparators.get(1)), "a choice rule takes exactly one comparison operator; found "
          + String.join(" and ", comparators));
    }
    for (String op : comparators) {
      comparator(rule.get(op), child(rp, op), op);
    }
  }

  private static List<String> concat(List<String> a, List<String> b, JsonNode variable) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    if (variable != null) {
      all.add("Variable");
    }
    return all;
  }

  private void comparator(JsonNode v, String ptr, String op) {
    Operand kind = FieldSpecs.COMPARATORS.get(op);
    switch (kind) {
      case STRING -> {
        // AWS: https://states-language.net/#choice-state "StringMatches ... Note: The value MUST be a String"
        // AWS: https://states-language.net/#choice-state "For each of these operators, the field's value MUST be a value of the appropriate type: String, number, boolean, or Timestamp."
        if (!v.isTextual()) {
          out.error(ptr, op + " must be a string (was " + kind(v) + ")");
        } else if (!op.equals("StringMatches") && PathSyntax.looksLikePath(v.asText())) {
          out.warning("NO_PATH", ptr, op + " compares with the literal text \"" + PathSyntax.abbreviate(v.asText())
              + "\"; to compare with a path use " + op + "Path");
        }
      }
      case NUMBER -> {
        // AWS: https://states-language.net/#choice-state "For each of these operators, the field's value MUST be a value of the appropriate type: String, number, boolean, or Timestamp."
        if (!v.isNumber()) {
          out.error(ptr, op + " must be a number (was " + kind(v) + ")" + placeholderHint(v)
              + (v.isTextual() && PathSyntax.looksLikePath(v.asText()) ? "; to compare with a path use " + op + "Path" : ""));
        }
      }
      case BOOLEAN, TRUE_FALSE -> {
        // AWS: https://states-language.net/#choice-state "For each of these operators, the field's value MUST be a value of the appropriate type: String, number, boolean, or Timestamp."
        if (!v.isBoolean()) {
          out.error(ptr, op + " must be true or false (was " + kind(v) + ")"
              + (kind == Operand.BOOLEAN && v.isTextual() && PathSyntax.looksLikePath(v.asText())
                  ? "; to compare with a path use BooleanEqualsPath" : ""));
        }
      }
      case TIMESTAMP -> {
        // AWS: https://states-language.net/#timestamps "The Choice and Wait States deal with JSON field values which represent timestamps. These are strings which MUST conform to the RFC3339 profile of ISO 8601"
        if (!v.isTextual()) {
          out.error(ptr, op + " must be a timestamp string (was " + kind(v) + ")");
        } else if (!v.asText().contains("${") && !isTimestamp(v.asText())) {
          out.error(ptr, op + " must be an ISO-8601 timestamp such as \"2016-03-14T01:59:00Z\" (was \""
              + PathSyntax.abbreviate(v.asText()) + "\")"
              + (PathSyntax.looksLikePath(v.asText()) ? "; to compare with a path use " + op + "Path" : ""));
        }
      }
      case PATH -> {
        // AWS: https://states-language.net/#choice-state "For those operators that end with 'Path', the value MUST be a Path"
        if (!v.isTextual()) {
          out.error(ptr, op + " must be a path string (was " + kind(v) + ")");
        } else {
          String p = PathSyntax.pathProblem(v.asText(), false);
          // AWS: https://states-language.net/#choice-state "For those operators that end with 'Path', the value MUST be a Path"
          if (p != null) {
            out.error(ptr, op + " " + p);
          }
        }
      }
    }
  }
}
