package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Variables of one scope; inner scopes (branches, iterations) read outer ones. */
public final class VariableScope {
  private final VariableScope parent;
  private Map<String, JsonNode> values;

  public VariableScope(VariableScope parent) {
    this.parent = parent;
  }

  public JsonNode get(String name) {
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

  public void set(String name, JsonNode value) {
    if (values == null) {
      values = new HashMap<>();
    }
    values.put(name, value);
  }

  /** A cheap upper bound of the UTF-8 size of every visible variable. */
  public long sizeUpperBound() {
    long size = 0;
    for (VariableScope s = this; s != null; s = s.parent) {
      if (s.values != null) {
        for (Map.Entry<String, JsonNode> e : s.values.entrySet()) {
          size += e.getKey().length() + io.github.sfntest.internal.json.Json.utf8SizeUpperBound(e.getValue());
        }
      }
    }
    return size;
  }

  /** The UTF-8 size of every visible variable, serialised. */
  public long exactSize() {
    long size = 0;
    for (VariableScope s = this; s != null; s = s.parent) {
      if (s.values != null) {
        for (Map.Entry<String, JsonNode> e : s.values.entrySet()) {
          size += e.getKey().length()
              + io.github.sfntest.internal.json.Json.utf8Size(io.github.sfntest.internal.json.Json.write(e.getValue()));
        }
      }
    }
    return size;
  }

  public VariableScope child() {
    return new VariableScope(this);
  }
}
