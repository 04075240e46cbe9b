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
      // AWS: https://states-language.net/spec.html#structure-of-a-state-machine "A State Machine is represented by a
      // JSON Object." (AWS gives no location for this one)
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
        // AWS: recording: https://github.com/floci-io/floci/issues/2735 (SCHEMA_VALIDATION_FAILED "Field '<name>' is
        // not supported", located at the object holding the field)
        out.awsKey(Diagnostics.SCHEMA, child(ptr, f), Diagnostics.location(ptr), "Field '" + f + "' is not supported",
            "unknown field \"" + f + "\" in " + what + hint);
      }
    }
    if (scope == Scope.TOP) {
      JsonNode ql = m.get("QueryLanguage");
      if (ql != null) {
        // AWS: https://states-language.net/spec.html#toplevelfields "The States Language supports JSONPath and JSONata"
        ctx.fields.queryLanguageValue(ql, child(ptr, "QueryLanguage"));
      }
      JsonNode version = m.get("Version");
      if (version != null && !(version.isTextual() && version.asText().equals("1.0"))) {
        // the spec describes version 1.0 but no AWS rejection of another Version is documented or recorded, and the
        // engine ignores the field: a warning
        out.warning("UNKNOWN_VERSION", child(ptr, "Version"), "Version should be the string \"1.0\" (was " + kind(version)
            + "); AWS may accept the definition (no AWS rejection of another version is recorded), sfn-test runs it"
            + " as States Language 1.0");
      }
      JsonNode timeout = m.get("TimeoutSeconds");
      if (timeout != null) {
        // AWS: https://states-language.net/spec.html#toplevelfields "A State Machine MAY have an integer field named
        // TimeoutSeconds"; AWS's largest seconds value: recording: https://github.com/aws-cloudformation/cfn-lint/issues/4075
        // ("Maximum value is 99999999", recorded on a Wait state's Seconds)
        ctx.fields.integer(child(ptr, "TimeoutSeconds"), "TimeoutSeconds", timeout, 0, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
    }
    // AWS: https://states-language.net/spec.html#map-state "The ItemProcessor field MAY contain a field named
    // ProcessorConfig, whose value MUST be a JSON object" (checked in MapResources)
    if (scope.isMapProcessor()) {
      mapResources.processorConfig(m.get("ProcessorConfig"), child(ptr, "ProcessorConfig"));
    }
    // AWS: https://states-language.net/spec.html#toplevelfields "A State Machine MAY have a string field named Comment"
    ctx.fields.comment(m, ptr);

    JsonNode states = m.get("States");
    String statesPtr = child(ptr, "States");
    JsonNode startAt = m.get("StartAt");
    if (states == null || startAt == null) {
      String missing = states == null && startAt == null ? "States, StartAt" : states == null ? "States" : "StartAt";
      // AWS: recording: conformance/validation/cases/api.sfn_api_validation.validate_state_machine_definition_not_a_definition.EMPTY_DICT
      // ("These fields are required: [States, StartAt]"; AWS reports every missing field of an object at once,
      // States before StartAt)
      out.aws(Diagnostics.SCHEMA, ptr, Diagnostics.location(ptr), "These fields are required: [" + missing + "]",
          "missing required field" + (missing.contains(",") ? "s \"States\" and \"StartAt\"" : " \"" + missing + "\"")
              + " in " + what);
    }
    Map<String, JsonNode> valid = new LinkedHashMap<>();
    // AWS: https://states-language.net/spec.html#toplevelfields "A State Machine MUST have an object field named
    // States, whose fields represent the states" and "MUST have a string field named StartAt, whose value MUST match
    // exactly the name of one of the States fields" (so States cannot be empty)
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
          // AWS: https://states-language.net/spec.html#state-types "the state type is given by the value of the Type
          // field, which MUST appear in every State object"
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
    // AWS: https://states-language.net/spec.html#toplevelfields "A State Machine MUST have a string field named
    // StartAt"
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
        // AWS: recording: https://github.com/floci-io/floci/pull/2786 (a bare loop: "one diagnostic,
        // MISSING_END_STATE, Workflow has no terminal state, and no location field at all")
        out.error("MISSING_END_STATE", statesPtr,
            what.substring(0, 1).toUpperCase() + what.substring(1)
                + " has no terminal state: no state has \"End\": true and none is a Succeed or Fail state");
      }
      // AWS reports no unreachable state in a scope without a terminal state (recorded in floci-io/floci#2786: "a
      // bare loop plus a state nothing routes to: still one diagnostic, MISSING_END_STATE")
      if (startOk && terminal) {
        ctx.transitions.reachability(startAt.asText(), states, statesPtr);
      }
    }
  }

  private void stateName(String name, String ptr) {
    int length = name.codePointCount(0, name.length());
    // AWS: https://states-language.net/spec.html#states-fields "its length MUST BE less than or equal to 80 Unicode
    // characters"; and https://docs.aws.amazon.com/step-functions/latest/apireference/API_StateEnteredEventDetails.html
    // "Length Constraints: Minimum length of 1. Maximum length of 80." (a state's name in its history events)
    if (length == 0) {
      out.keyError("INVALID_STATE_NAME", ptr, "state names must not be empty");
    } else if (length > MAX_STATE_NAME) {
      out.keyError("INVALID_STATE_NAME", ptr,
          "state name is " + length + " characters long; AWS allows at most " + MAX_STATE_NAME);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      // The API reference lists control characters among those a state's name "must not contain", next to white
      // space, which AWS accepts in state names; no AWS rejection of a definition for them is recorded: a warning
      out.warning("INVALID_STATE_NAME", ptr,
          "state name \"" + PathSyntax.abbreviate(name.replaceAll("\\p{Cntrl}", "?"))
              + "\" contains control characters; AWS may accept the definition, but such names cannot be logged to"
              + " CloudWatch and are hard to address in tests");
    }
  }
}
