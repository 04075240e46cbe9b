package io.github.sfntest.internal.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where a state machine object sits: the definition itself or a nested one. */
enum Scope {
  TOP("the state machine"),
  BRANCH("a Parallel branch"),
  ITERATOR("a Map Iterator"),
  ITEM_PROCESSOR("a Map ItemProcessor");

  /** How messages name a state machine of this scope. */
  final String what;

  Scope(String what) {
    this.what = what;
  }

  /** The fields a state machine of this scope accepts, in the order near-miss hints list them. */
  Set<String> allowedFields() {
    Set<String> allowed = new LinkedHashSet<>(List.of("Comment", "StartAt", "States"));
    if (this == TOP) {
      allowed.addAll(List.of("TimeoutSeconds", "Version", "QueryLanguage"));
    }
    if (isMapProcessor()) {
      allowed.add("ProcessorConfig");
    }
    return allowed;
  }

  boolean isMapProcessor() {
    return this == ITEM_PROCESSOR || this == ITERATOR;
  }
}
