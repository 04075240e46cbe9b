package io.github.sfntest.internal.validation;

/**
 * One concern of state validation (fields, payloads, Retry/Catch, one state type...). Rules are
 * registered in {@link StateRules}, run in a fixed order, and report only through the shared
 * {@link Diagnostics}; the shared field checks and the {@link ValidationContext} (machine type,
 * top-level query language) are at hand.
 */
abstract class StateRule {

  protected final ValidationContext ctx;
  protected final Diagnostics out;
  protected final FieldChecks fields;
  protected final Templates templates;
  protected final Transitions transitions;

  StateRule(ValidationContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out;
    this.fields = ctx.fields;
    this.templates = ctx.templates;
    this.transitions = ctx.transitions;
  }

  /** Checks one state whose Type is known and valid. */
  abstract void check(StateNode s);
}
