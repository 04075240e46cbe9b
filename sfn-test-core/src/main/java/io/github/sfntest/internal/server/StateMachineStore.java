package io.github.sfntest.internal.server;

import java.util.Optional;

/** The state machines created on the endpoint, by ARN. */
final class StateMachineStore extends ResourceStore<StateMachineRecord> {

  StateMachineStore() {
    super("stateMachine", "StateMachineDoesNotExist", "State Machine Does Not Exist", m -> m.name);
  }

  /** The state machine whose current version has this name (nested executions report names only). */
  Optional<StateMachineRecord> named(String name) {
    StateMachineRecord match = null;
    for (StateMachineRecord m : all()) {
      if (m.current().name().equals(name)) {
        match = m;
      }
    }
    return Optional.ofNullable(match);
  }
}
