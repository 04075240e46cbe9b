package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.firstDollarKey;
import static io.github.sfntest.internal.validation.Values.kind;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import java.util.Iterator;
import java.util.Map;

/**
 * Payload rules: JSONPath templates ({@code ".$"} keys), Assign, and the {@code {% %}} strings of
 * JSONata states.
 */
final class Templates {

  private final Diagnostics out;

  Templates(Diagnostics out) {
    this.out = out;
  }

  /** A JSONPath payload template: keys ending ".$" take a path or intrinsic. */
  void template(JsonNode t, String ptr, String field, boolean mustBeObject) {
    if (mustBeObject && !t.isObject()) {
      out.error(ptr, field + " must be an object (was " + kind(t) + ")");
      return;
    }
    templateValue(t, ptr, 0);
  }

  /** Checks a JSONPath template value (and, inside it, every ".$" key) at any depth. */
  void templateValue(JsonNode t, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return;
    }
    if (t.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = t.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        JsonNode v = e.getValue();
        String kp = child(ptr, k);
        if (k.endsWith(".$")) {
          if (!v.isTextual()) {
            out.error(kp, "\"" + k + "\" ends with \".$\", so its value must be a path or intrinsic function string"
                + " (was " + kind(v) + "); drop the \".$\" for a literal value");
          } else {
            String p = PathSyntax.pathProblem(v.asText(), true);
            if (p != null) {
              // AWS locates it at the object holding the field
              out.aws(Diagnostics.SCHEMA, kp, Diagnostics.location(ptr), "The value for the field '" + k
                  + "' must be a valid JSONPath or a valid intrinsic function call", "\"" + k + "\": " + p);
            }
          }
        } else if (v.isTextual() && PathSyntax.looksLikePath(v.asText())) {
          out.warning("NO_DOLLAR", kp, "\"" + k + "\" holds \"" + PathSyntax.abbreviate(v.asText())
              + "\", which looks like a path or intrinsic function but is passed as literal text; name the"
              + " field \"" + k + ".$\" to evaluate it");
        } else {
          templateValue(v, kp, depth + 1);
        }
      }
    } else if (t.isArray()) {
      for (int i = 0; i < t.size(); i++) {
        templateValue(t.get(i), child(ptr, i), depth + 1);
      }
    }
  }

  /** JSONata states do not evaluate ".$" keys: reports the first one. */
  void noDollarKeys(JsonNode t, String ptr, String field) {
    String k = firstDollarKey(t, ptr, 0);
    if (k != null) {
      out.keyError(k, "\".$\" keys are JSONPath syntax and are not evaluated in JSONata states; write the key"
          + " without \".$\" and the value as \"{% ... %}\"");
    }
  }

  /** An Assign object: valid variable names, and values in the state's query language. */
  void assign(JsonNode a, String ptr, QueryLanguage q) {
    if (!a.isObject()) {
      out.error(ptr, "Assign must be an object of variable names to values (was " + kind(a) + ")");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      String name = q == QueryLanguage.JSONPATH && k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
      String kp = child(ptr, k);
      if (!PathSyntax.VARIABLE_NAME.matcher(name).matches()) {
        out.keyError(kp, "\"" + PathSyntax.abbreviate(name) + "\" is not a valid variable name: use letters, digits"
            + " and underscores, not starting with a digit");
      } else if (name.length() > 80) {
        out.keyError(kp, "variable name is " + name.length() + " characters long; AWS allows at most 80");
      } else if (name.equals("states")) {
        out.keyError(kp, "\"states\" is reserved for the $states variable and cannot be assigned");
      }
    }
    if (q == QueryLanguage.JSONPATH) {
      templateValue(a, ptr, 0);
    } else {
      noDollarKeys(a, ptr, "Assign");
    }
  }

  /** Checks every {% %} string of a JSONata state (outside nested state machines). */
  void jsonataStrings(JsonNode n, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (depth == 0 && (e.getKey().equals("Branches") || e.getKey().equals("Iterator")
            || e.getKey().equals("ItemProcessor"))) {
          continue;
        }
        jsonataStrings(e.getValue(), child(ptr, e.getKey()), depth + 1);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        jsonataStrings(n.get(i), child(ptr, i), depth + 1);
      }
    } else if (n.isTextual()) {
      String s = n.asText();
      if (s.startsWith("{%")) {
        if (!s.endsWith("%}") || s.length() < 4) {
          out.error(ptr, "a JSONata expression must end with \"%}\" (was \"" + PathSyntax.abbreviate(s) + "\")");
        } else {
          String problem = jsonataProblem(s.substring(2, s.length() - 2));
          if (problem != null) {
            out.error(ptr, "invalid JSONata expression \"" + PathSyntax.abbreviate(s) + "\": " + problem);
          }
        }
      }
    }
  }

  /** Why a JSONata expression does not compile, or null when it does. */
  static String jsonataProblem(String expression) {
    if (expression.isBlank()) {
      return "the expression is empty";
    }
    try {
      Jsonata.jsonata(expression);
      return null;
    } catch (StackOverflowError e) {
      return "the expression is nested too deeply";
    } catch (RuntimeException e) {
      String m = e.getMessage();
      return m == null ? e.getClass().getSimpleName() : PathSyntax.abbreviate(m);
    }
  }
}
