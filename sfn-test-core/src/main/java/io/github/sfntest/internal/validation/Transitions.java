package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.text.NearMiss;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The walker's graph part: which scope defines each state name, whether a transition names a
 * state of its own scope, and which states are reachable from StartAt.
 */
final class Transitions {

  private final Diagnostics out;
  /** State name -> pointers of the States objects (scopes) that define it. */
  private final Map<String, List<String>> scopesByName = new HashMap<>();

  Transitions(Diagnostics out) {
    this.out = out;
  }

  /** Records, for every state name at any depth, the States objects that define it. */
  void collectScopes(JsonNode machine, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH || !machine.isObject()) {
      return;
    }
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    String statesPtr = child(ptr, "States");
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      scopesByName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(statesPtr);
      JsonNode s = e.getValue();
      if (!s.isObject()) {
        continue;
      }
      String sp = child(statesPtr, e.getKey());
      for (String f : new String[] {"Iterator", "ItemProcessor"}) {
        if (s.has(f)) {
          collectScopes(s.get(f), child(sp, f), depth + 1);
        }
      }
      JsonNode branches = s.get("Branches");
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          collectScopes(branches.get(i), child(child(sp, "Branches"), i), depth + 1);
        }
      }
    }
  }

  /** Checks that a transition names a state of the same scope; true when it does. */
  boolean target(String ptr, String field, String name, Set<String> names, String statesPtr) {
    if (names.contains(name)) {
      return true;
    }
    String hint = NearMiss.hint(name, names);
    List<String> elsewhere = scopesByName.getOrDefault(name, List.of());
    if (!elsewhere.isEmpty()) {
      String where = elsewhere.get(0);
      hint += "; \"" + name + "\" is defined in " + (where.equals("/States") ? "the top-level States" : where)
          + ", a different scope: transitions cannot cross into or out of a Parallel branch or Map"
          + " iteration";
    }
    // AWS answers "Missing 'Next' target: NAME" at the transition field, whichever field it is
    // AWS: recording: https://github.com/localstack/localstack/issues/11978 "Invalid State Machine Definition:
    // 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next"
    // AWS: https://states-language.net/#transition "The value of the 'Next' field MUST exactly and case-sensitively match the name of another state."
    out.aws(Diagnostics.TRANSITION, ptr, ptr, "Missing '" + field + "' target: " + name,
        "Missing '" + field + "' target: no state named \"" + name + "\" in this scope" + hint);
    return false;
  }

  /** The Next of a catcher or a choice rule ({@code what}): required, a state of the same scope. */
  void requiredNext(JsonNode obj, String ptr, String what, Set<String> names, String statesPtr) {
    JsonNode next = obj.get("Next");
    // AWS: recording: https://github.com/aws-cloudformation/cfn-lint/issues/4077 "Invalid State Machine Definition:
    // 'SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/Choice/Choices"
    // AWS: https://states-language.net/#fallback-states "Each Catcher MUST contain a field named 'ErrorEquals' ... and a field named 'Next' whose value MUST be a string exactly matching a State Name."
    if (next == null) {
      out.error(ptr, what + " is missing required field \"Next\"");
    } else if (!next.isTextual()) {
      out.error(child(ptr, "Next"), "Next must be a state name (was " + kind(next) + ")");
    } else {
      target(child(ptr, "Next"), "Next", next.asText(), names, statesPtr);
    }
  }

  /** A state's exit: exactly one of Next (a state of the same scope) and "End": true. */
  void nextOrEnd(JsonNode s, String ptr, String label, Set<String> names, String statesPtr) {
    JsonNode next = s.get("Next");
    JsonNode end = s.get("End");
    // AWS: https://states-language.net/#states-fields "Any state except for Choice, Succeed, and Fail MAY have a field named 'End' whose value MUST be a boolean."
    if (end != null && !end.isBoolean()) {
      out.error(child(ptr, "End"), "End must be true or false (was " + kind(end) + ")");
    }
    boolean ends = end != null && end.asBoolean(false) && end.isBoolean();
    // AWS: https://states-language.net/#transition "The value of the 'Next' field MUST exactly and case-sensitively match the name of another state."
    if (next != null && !next.isTextual()) {
      out.error(child(ptr, "Next"), "Next must be a state name (was " + kind(next) + ")");
    }
    // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-common-fields.html "Only one of Next or End can be used in a state."
    // AWS: https://states-language.net/#transition "All non-terminal states MUST have a 'Next' field, except for the Choice State."
    if (next != null && ends) {
      out.error(child(ptr, "End"), label + " has both \"Next\" and \"End\": true; use exactly one");
    } else if (next == null && !ends) {
      out.error(ptr, label + " has neither \"Next\" nor \"End\": true; every " + label.substring(0, label.indexOf(' '))
          + " state must say where to go");
    }
    if (next != null && next.isTextual()) {
      target(child(ptr, "Next"), "Next", next.asText(), names, statesPtr);
    }
  }

  /** Reports every state of a scope that no transition from StartAt leads to. */
  void reachability(String start, JsonNode states, String statesPtr) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      JsonNode s = states.get(n);
      if (s == null || !s.isObject()) {
        continue;
      }
      pushText(todo, s.get("Next"));
      pushText(todo, s.get("Default"));
      for (String list : new String[] {"Choices", "Catch"}) {
        JsonNode arr = s.get(list);
        if (arr != null && arr.isArray()) {
          for (JsonNode r : arr) {
            if (r.isObject()) {
              pushText(todo, r.get("Next"));
            }
          }
        }
      }
    }
    for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!seen.contains(n) && states.get(n).isObject()) {
        // AWS reports an unreachable state as MISSING_TRANSITION_TARGET, located at the state
        // AWS: recording: https://github.com/localstack/localstack/issues/11978 "MISSING_TRANSITION_TARGET: State
        // \"pass2\" is not reachable. at /States/pass2"
        out.awsKey(Diagnostics.TRANSITION, child(statesPtr, n), child(statesPtr, n),
            "State \"" + n + "\" is not reachable.",
            "State \"" + n + "\" is not reachable: no StartAt, Next, Default or Catch Next in this scope leads to it");
      }
    }
  }

  private static void pushText(Deque<String> todo, JsonNode n) {
    if (n != null && n.isTextual()) {
      todo.push(n.asText());
    }
  }
}
