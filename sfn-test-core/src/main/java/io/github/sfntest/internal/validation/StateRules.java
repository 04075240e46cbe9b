package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.internal.validation.FieldSpecs.Lang;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of state rules: the rules every state goes through, in order, then the rules of
 * its type. A state is handed on only once its Type is known; its query language is resolved here.
 */
final class StateRules {

  private static final String AWS_TYPE_ORDER = "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]";

  private final ValidationContext ctx;
  private final List<StateRule> common;
  private final Map<String, List<StateRule>> byType;

  StateRules(ValidationContext ctx, MachineWalker walker) {
    this.ctx = ctx;
    this.common = List.of(
        new StateFieldsRule(ctx), new PayloadRule(ctx), new TransitionRule(ctx), new RetryCatchRule(ctx));
    this.byType = Map.of(
        "Task", List.of(new TaskRule(ctx)),
        "Pass", List.of(new PassRule(ctx)),
        "Wait", List.of(new WaitRule(ctx)),
        "Choice", List.of(new ChoiceRule(ctx)),
        "Fail", List.of(new FailRule(ctx)),
        "Parallel", List.of(new ParallelRule(ctx, walker)),
        "Map", List.of(new MapRule(ctx, walker, new MapResources(ctx))),
        "Succeed", List.of());
  }

  /** Checks the state {@code name} of the scope whose States object is at {@code statesPtr}. */
  void check(String name, JsonNode s, String ptr, Set<String> scopeNames, String statesPtr) {
    Diagnostics out = ctx.out;
    JsonNode typeNode = s.get("Type");
    // AWS: https://states-language.net/spec.html#states-fields "All states MUST have a Type field."
    if (typeNode == null) {
      out.aws(Diagnostics.SCHEMA, ptr, Diagnostics.location(ptr), "These fields are required: [Type]",
          "state \"" + name + "\" is missing required field \"Type\" (one of "
          + String.join(", ", FieldSpecs.TYPES.stream().sorted().toList()) + ")");
      return;
    }
    if (!typeNode.isTextual() || !FieldSpecs.TYPES.contains(typeNode.asText())) {
      String hint = typeNode.isTextual() ? NearMiss.hint(typeNode.asText(), FieldSpecs.TYPES) : "";
      // AWS: https://states-language.net/spec.html#state-types "the state type is given by the value of the Type
      // field, which MUST appear in every State object" (the eight types of the spec); AWS's own wording and order
      // are recorded in ../shared conformance/test-state/cases/test_state_machine_scenarios.state_name_invalid_state_definition
      // (CreateStateMachine and TestState); our hint adds the near miss
      out.aws(Diagnostics.SCHEMA, child(ptr, "Type"), child(ptr, "Type"),
          "The field 'Type' should have one of these values: " + AWS_TYPE_ORDER,
          "unknown state Type " + kind(typeNode) + "; expected one of "
          + String.join(", ", FieldSpecs.TYPES.stream().sorted().toList()) + hint);
      return;
    }
    String type = typeNode.asText();
    QueryLanguage q = ctx.topLanguage();
    JsonNode ql = s.get("QueryLanguage");
    if (ql != null) {
      // AWS: https://states-language.net/spec.html#states-fields "Any state MAY have a QueryLanguage field to override
      // the state machine's query language"; the values: "The States Language supports JSONPath and JSONata"
      QueryLanguage declared = ctx.fields.queryLanguageValue(ql, child(ptr, "QueryLanguage"));
      if (declared != null) {
        // AWS: recording: conformance/validation/cases/api.sfn_api_validation.validate_state_machine_definition_type_express.INVALID_DOWNGRADE_QUERY_LANGUAGE
        if (ctx.topLanguage() == QueryLanguage.JSONATA && declared == QueryLanguage.JSONPATH) {
          out.aws(Diagnostics.SCHEMA, child(ptr, "QueryLanguage"), ptr,
              "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
              "a JSONPath state cannot be used in a state machine whose top-level QueryLanguage is JSONata;"
                  + " only a JSONPath machine can mix in JSONata states");
        }
        q = declared;
      }
    }
    String label = type + " state \"" + name + "\"";
    Map<String, Lang> spec = FieldSpecs.STATE_FIELDS.get(type);
    StateNode state = new StateNode(name, s, ptr, type, q, label, spec, scopeNames, statesPtr);
    for (StateRule rule : common) {
      rule.check(state);
    }
    for (StateRule rule : byType.get(type)) {
      rule.check(state);
    }
  }
}
