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
    // AWS: https://states-language.net/#payload-template "A Payload Template MUST be a JSON object; it has no required fields."
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
          // AWS: https://states-language.net/#payload-template "If the field value does not begin with '$', it MUST be an Intrinsic Function"
          // AWS: https://states-language.net/#intrinsic-functions "An Intrinsic Function MUST be a string."
          if (!v.isTextual()) {
            out.error(kp, "\"" + k + "\" ends with \".$\", so its value must be a path or intrinsic function string"
                + " (was " + kind(v) + "); drop the \".$\" for a literal value");
          } else {
            String p = PathSyntax.pathProblem(v.asText(), true);
            if (p != null) {
              // AWS locates it at the object holding the field
              // AWS: recording: https://github.com/serverless-operations/serverless-step-functions/issues/399
              // "SCHEMA_VALIDATION_FAILED: The value for the field 'outputPath.$' must be a valid JSONPath or a valid
              // intrinsic function call at /States/TestTask/Parameters"
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
      // no AWS text forbids such a key: in a JSONata state it is an ordinary field name, copied as it is
      out.unbackedKey("DOLLAR_KEY_IN_JSONATA", k, "\".$\" keys are JSONPath syntax and are not evaluated in JSONata states; write the key"
          + " without \".$\" and the value as \"{% ... %}\"");
    }
  }

  /** An Assign object: valid variable names, and values in the state's query language. */
  void assign(JsonNode a, String ptr, QueryLanguage q) {
    // AWS: https://states-language.net/#assigning-variables "The value of an 'Assign' field MUST be a JSON object; it has no required fields."
    if (!a.isObject()) {
      out.error(ptr, "Assign must be an object of variable names to values (was " + kind(a) + ")");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      String name = q == QueryLanguage.JSONPATH && k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
      String kp = child(ptr, k);
      // AWS: https://states-language.net/#state-machine-variables "Each variable name, whose length MUST BE less than or equal to 80 Unicode characters, MUST follow the rules for Unicode Identifiers"
      // AWS: https://states-language.net/#state-machine-variables "A state MUST NOT assign a value to 'states'."
      if (!PathSyntax.VARIABLE_NAME.matcher(name).matches()) {
        out.keyError(kp, "\"" + PathSyntax.abbreviate(name) + "\" is not a valid variable name: use letters, digits"
            + " and underscores, not starting with a digit");
      } else if (name.codePointCount(0, name.length()) > 80) {
        out.keyError(kp, "variable name is " + name.codePointCount(0, name.length()) + " characters long; AWS allows at most 80");
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
          // the spec makes only "{% ... %}" an expression: anything else is literal text, and the engine copies it
          out.unbacked("NOT_AN_EXPRESSION", ptr, "a JSONata expression must end with \"%}\" (was \""
              + PathSyntax.abbreviate(s) + "\"); as written it is literal text");
        } else {
          String problem = jsonataProblem(s.substring(2, s.length() - 2));
          // AWS: recording: https://github.com/floci-io/floci/issues/2745 "An expression that does not parse is
          // refused at definition time ... INVALID_JSONATA_EXPRESSION: Unexpected end of expression at /States/Main/Output"
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
