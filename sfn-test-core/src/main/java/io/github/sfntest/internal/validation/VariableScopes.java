package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Variable scope: what a nested state machine may assign. */
final class VariableScopes {

  private final Diagnostics out;

  VariableScopes(Diagnostics out) {
    this.out = out;
  }

  /**
   * A Parallel branch or Map iteration reads the variables of the scopes around it but cannot
   * assign them: AWS rejects an inner Assign of a name an enclosing scope assigns.
   */
  void check(JsonNode machine, String ptr, Map<String, String> outer) {
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject() || ptr.split("/").length > 200) {
      return;
    }
    String statesPtr = child(ptr, "States");
    Map<String, String> here = new LinkedHashMap<>();
    forEachState(states, statesPtr, (sp, s) -> {
      assigned(s.get("Assign"), child(sp, "Assign"), outer, here);
      for (String list : new String[] {"Catch", "Choices"}) {
        JsonNode items = s.get(list);
        if (items != null && items.isArray()) {
          for (int i = 0; i < items.size(); i++) {
            assigned(items.get(i).get("Assign"), child(child(child(sp, list), i), "Assign"), outer, here);
          }
        }
      }
    });
    Map<String, String> visible = new HashMap<>(outer);
    here.forEach(visible::putIfAbsent);
    forEachState(states, statesPtr, (sp, s) -> {
      JsonNode branches = s.get("Branches");
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          check(branches.get(i), child(child(sp, "Branches"), i), visible);
        }
      }
      for (String f : new String[] {"ItemProcessor", "Iterator"}) {
        if (s.get(f) != null && s.get(f).isObject()) {
          check(s.get(f), child(sp, f), visible);
        }
      }
    });
  }

  /** Each state object of a States object, with its pointer. */
  private static void forEachState(JsonNode states, String statesPtr, BiConsumer<String, JsonNode> action) {
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        action.accept(child(statesPtr, e.getKey()), e.getValue());
      }
    }
  }

  private void assigned(JsonNode assign, String ptr, Map<String, String> outer, Map<String, String> here) {
    if (assign == null || !assign.isObject()) {
      return;
    }
    for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      String keyPtr = child(ptr, key);
      String outerPtr = outer.get(name);
      // AWS: https://states-language.net/#variable-scope "states in inner scopes MUST NOT assign to a variable with the same name as a variable in an outer scope"
      if (outerPtr != null) {
        out.keyError(keyPtr, "Variable \"" + name + "\" is assigned in an enclosing scope (" + outerPtr
            + "): a Parallel branch or Map iteration can read the variables around it but cannot assign them;"
            + " use another name, or pass the value out through the state's output");
      }
      here.putIfAbsent(name, keyPtr);
    }
  }
}
