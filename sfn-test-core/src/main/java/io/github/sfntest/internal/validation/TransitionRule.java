package io.github.sfntest.internal.validation;


/** A state that is not Choice, Succeed or Fail leaves through exactly one of Next and "End": true. */
final class TransitionRule extends StateRule {

  TransitionRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    if (st.accepts("Next")) {
      transitions.nextOrEnd(st.node(), st.ptr(), st.label(), st.scopeNames(), st.statesPtr());
    }
  }
}
