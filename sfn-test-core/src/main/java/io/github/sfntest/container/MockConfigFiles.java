package io.github.sfntest.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockConfigFile;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Merges MockConfigFile documents (files and mocks rendered from the Java DSL) into one file. */
final class MockConfigFiles {
  private MockConfigFiles() {}

  /**
   * One MockConfigFile with every state machine, test case and response of {@code documents}.
   *
   * @throws IllegalArgumentException when two documents define the same test case or response
   *     name differently
   */
  static String merge(List<String> documents) {
    ObjectNode machines = Json.NODES.objectNode();
    ObjectNode responses = Json.NODES.objectNode();
    for (String doc : documents) {
      JsonNode root = Json.parse(MockConfigFile.parse(doc).toJson());
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("StateMachines").properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> sm = it.next();
        ObjectNode target = machines.has(sm.getKey()) ? (ObjectNode) machines.get(sm.getKey()) : machines.putObject(sm.getKey());
        ObjectNode cases = target.has("TestCases") ? (ObjectNode) target.get("TestCases") : target.putObject("TestCases");
        for (Iterator<Map.Entry<String, JsonNode>> c = sm.getValue().path("TestCases").properties().iterator(); c.hasNext(); ) {
          Map.Entry<String, JsonNode> tc = c.next();
          JsonNode before = cases.get(tc.getKey());
          if (before != null && !before.equals(tc.getValue())) {
            throw new IllegalArgumentException("Test case \"" + tc.getKey() + "\" of state machine \"" + sm.getKey()
                + "\" is defined twice with different mocks");
          }
          cases.set(tc.getKey(), tc.getValue());
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("MockedResponses").properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> r = it.next();
        JsonNode before = responses.get(r.getKey());
        if (before != null && !before.equals(r.getValue())) {
          throw new IllegalArgumentException("Mocked response \"" + r.getKey() + "\" is defined twice with different "
              + "contents; name one of them differently (Stubbing.named(...))");
        }
        responses.set(r.getKey(), r.getValue());
      }
    }
    ObjectNode out = Json.NODES.objectNode();
    out.set("StateMachines", machines);
    out.set("MockedResponses", responses);
    String text = Json.pretty(out);
    MockConfigFile.parse(text); // the merged file must load as Step Functions Local loads it
    return text;
  }
}
