package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.MAX_SECONDS;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.text.NearMiss;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The walker: visits the definition and every nested state machine (Parallel branches, Map item
 * processors), checks each machine's own fields, StartAt, terminal state and reachability, and
 * hands every state to the {@link StateRules}.
 */
final class MachineWalker {

  private static final int MAX_STATE_NAME = 80;

  private final ValidationContext ctx;
  private final Diagnostics out;
  private final MapResources mapResources;
  private final StateRules stateRules;

  MachineWalker(ValidationContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out;
    this.mapResources = new MapResources(ctx);
    this.stateRules = new StateRules(ctx, this);
  }

  /** Validates the whole definition; every diagnostic in report order. */
  List<Diagnostic> run() {
    JsonNode root = ctx.doc.root();
    if (!root.isObject()) {
      // AWS: no location for this one
      out.aws(Diagnostics.SCHEMA, "", null, "Definition must be a valid JSON object",
          "a definition must be a JSON object with StartAt and States; found " + kind(root));
      return out.list();
    }
    ctx.transitions.collectScopes(root, "", 0);
    JsonNode ql = root.get("QueryLanguage");
    if (ql != null && ql.isTextual() && QueryLanguage.of(ql.asText()) != null) {
      ctx.topLanguage(QueryLanguage.of(ql.asText()));
    }
    machine(root, "", Scope.TOP);
    new VariableScopes(out).check(root, "", Map.of());
    return out.list();
  }

  /** Checks one state machine object (the definition, a branch or an item processor). */
  void machine(JsonNode m, String ptr, Scope scope) {
    Set<String> allowed = scope.allowedFields();
    String what = scope.what;
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        String hint = NearMiss.hint(f, allowed);
        if (hint.isEmpty() && f.equals("QueryLanguage")) {
          hint = "; QueryLanguage is set at the top level of the definition or on each state";
        } else if (hint.isEmpty() && FieldSpecs.STATE_FIELDS.get("Task").containsKey(f)) {
          hint = "; it looks like a state field: states go inside \"States\"";
        }
        out.awsKey(Diagnostics.SCHEMA, child(ptr, f), Diagnostics.location(ptr), "Field '" + f + "' is not supported",
            "unknown field \"" + f + "\" in " + what + hint);
      }
    }
    if (scope == Scope.TOP) {
      JsonNode ql = m.get("QueryLanguage");
      if (ql != null) {
        ctx.fields.queryLanguageValue(ql, child(ptr, "QueryLanguage"));
      }
      JsonNode version = m.get("Version");
      if (version != null && !(version.isTextual() && version.asText().equals("1.0"))) {
        out.error(child(ptr, "Version"), "Version must be the string \"1.0\" (was " + kind(version) + ")");
      }
      JsonNode timeout = m.get("TimeoutSeconds");
      if (timeout != null) {
        ctx.fields.integer(child(ptr, "TimeoutSeconds"), "TimeoutSeconds", timeout, 0, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
    }
    if (scope.isMapProcessor()) {
      mapResources.processorConfig(m.get("ProcessorConfig"), child(ptr, "ProcessorConfig"));
    }
    ctx.fields.comment(m, ptr);

    JsonNode states = m.get("States");
    String statesPtr = child(ptr, "States");
    JsonNode startAt = m.get("StartAt");
    if (states == null || startAt == null) {
      // AWS reports every missing field of an object at once, States before StartAt
      String missing = states == null && startAt == null ? "States, StartAt" : states == null ? "States" : "StartAt";
      out.aws(Diagnostics.SCHEMA, ptr, Diagnostics.location(ptr), "These fields are required: [" + missing + "]",
          "missing required field" + (missing.contains(",") ? "s \"States\" and \"StartAt\"" : " \"" + missing + "\"")
              + " in " + what);
    }
    Map<String, JsonNode> valid = new LinkedHashMap<>();
    if (states == null) {
      // reported above
    } else if (!states.isObject()) {
      out.error(statesPtr, "States must be an object of named states (was " + kind(states) + ")");
    } else if (states.isEmpty()) {
      out.aws(Diagnostics.SCHEMA, statesPtr, statesPtr, "Value cannot be empty", "States must contain at least one state");
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        String sp = child(statesPtr, name);
        stateName(name, sp);
        JsonNode s = e.getValue();
        if (!s.isObject()) {
          String hint = "";
          if (name.equals("QueryLanguage") || name.equals("TimeoutSeconds") || name.equals("Version")
              || name.equals("Comment") || name.equals("StartAt")) {
            hint = "; \"" + name + "\" is a field of the state machine: move it out of \"States\" to the"
                + (scope == Scope.TOP ? " top level of the definition" : " enclosing object");
          }
          out.error(sp, "state \"" + name + "\" must be an object with a Type (was " + kind(s) + ")" + hint);
          if (name.equals("QueryLanguage")) {
            ctx.queryLanguageMisplaced();
          }
          continue;
        }
        valid.put(name, s);
      }
      Set<String> names = new LinkedHashSet<>();
      states.fieldNames().forEachRemaining(names::add);
      for (Map.Entry<String, JsonNode> e : valid.entrySet()) {
        stateRules.check(e.getKey(), e.getValue(), child(statesPtr, e.getKey()), names, statesPtr);
      }
    }

    String startPtr = child(ptr, "StartAt");
    boolean startOk = false;
    if (startAt == null) {
      // reported above
    } else if (!startAt.isTextual()) {
      out.error(startPtr, "StartAt must be a state name (was " + kind(startAt) + ")");
    } else if (states != null && states.isObject() && !states.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      states.fieldNames().forEachRemaining(names::add);
      startOk = ctx.transitions.target(startPtr, "StartAt", startAt.asText(), names, statesPtr);
    }

    if (states != null && states.isObject() && !valid.isEmpty()) {
      boolean terminal = false;
      for (JsonNode s : valid.values()) {
        String type = s.path("Type").asText("");
        if (type.equals("Succeed") || type.equals("Fail") || s.path("End").asBoolean(false)) {
          terminal = true;
          break;
        }
      }
      if (!terminal) {
        out.error("MISSING_END_STATE", statesPtr,
            what.substring(0, 1).toUpperCase() + what.substring(1)
                + " has no terminal state: no state has \"End\": true and none is a Succeed or Fail state");
      }
      if (startOk) {
        ctx.transitions.reachability(startAt.asText(), states, statesPtr);
      }
    }
  }

  private void stateName(String name, String ptr) {
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      out.keyError("INVALID_STATE_NAME", ptr, "state names must not be empty");
    } else if (length > MAX_STATE_NAME) {
      out.keyError("INVALID_STATE_NAME", ptr,
          "state name is " + length + " characters long; AWS allows at most " + MAX_STATE_NAME);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      out.keyError("INVALID_STATE_NAME", ptr,
          "state name \"" + PathSyntax.abbreviate(name.replaceAll("\\p{Cntrl}", "?"))
              + "\" contains control characters");
    }
  }
}
