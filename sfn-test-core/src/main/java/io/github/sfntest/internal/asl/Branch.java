package io.github.sfntest.internal.asl;

import java.util.Map;

/** A state machine nested in a Parallel branch or a Map processor, or the top-level one. */
public record Branch(String startAt, Map<String, State> states) {

  public State state(String name) {
    return states.get(name);
  }
}
