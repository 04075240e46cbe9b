package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Variables of one scope; inner scopes (branches, iterations) read outer ones. */
final class VariableScope {
  private final VariableScope parent;
  private Map<String, JsonNode> values;

  VariableScope(VariableScope parent) {
    this.parent = parent;
  }

  JsonNode get(String name) {
    for (VariableScope s = this; s != null; s = s.parent) {
      if (s.values != null) {
        JsonNode v = s.values.get(name);
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  void set(String name, JsonNode value) {
    if (values == null) {
      values = new HashMap<>();
    }
    values.put(name, value);
  }

  VariableScope child() {
    return new VariableScope(this);
  }
}
