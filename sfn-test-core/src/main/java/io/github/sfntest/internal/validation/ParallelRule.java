package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;

/** Parallel states: a non-empty array of branches, each walked as a nested state machine. */
final class ParallelRule extends StateRule {

  private final MachineWalker walker;

  ParallelRule(ValidationContext ctx, MachineWalker walker) {
    super(ctx);
    this.walker = walker;
  }

  @Override
  void check(StateNode st) {
    parallel(st.node(), st.ptr());
  }

  private void parallel(JsonNode s, String ptr) {
    JsonNode branches = s.get("Branches");
    String bp = child(ptr, "Branches");
    // AWS: https://states-language.net/#parallel-state "A Parallel State MUST contain a field named 'Branches' which is an array whose elements MUST be objects."
    if (branches == null) {
      out.aws(Diagnostics.SCHEMA, ptr, Diagnostics.location(ptr), "These fields are required: [Branches]",
          "Parallel state is missing required field \"Branches\" (an array of state machines)");
    } else if (!branches.isArray()) {
      out.error(bp, "Branches must be an array of state machines (was " + kind(branches) + ")");
    } else if (branches.isEmpty()) {
      // neither the spec nor a recording says AWS refuses it; the engine runs it, with [] as the result
      out.unbacked("EMPTY_BRANCHES", bp, "Branches is empty: the Parallel state runs no branch and its result is []");
    } else {
      for (int i = 0; i < branches.size(); i++) {
        JsonNode b = branches.get(i);
        // AWS: https://states-language.net/#parallel-state "'Branches' which is an array whose elements MUST be objects"
        if (!b.isObject()) {
          out.error(child(bp, i), "a branch must be an object with StartAt and States (was " + kind(b) + ")");
        } else {
          walker.machine(b, child(bp, i), Scope.BRANCH);
        }
      }
    }
  }
}
