package io.github.sfntest.internal.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.util.Map;

/** Writes a {@link MockConfig} as MockConfigFile JSON. */
public final class MockConfigWriter {

  private MockConfigWriter() {}

  public static String write(MockConfig config) {
    return Json.pretty(tree(config));
  }

  public static ObjectNode tree(MockConfig config) {
    ObjectNode root = Json.NODES.objectNode();
    ObjectNode machines = root.putObject("StateMachines");
    config.stateMachines().forEach((sm, cases) -> {
      ObjectNode testCases = machines.putObject(sm).putObject("TestCases");
      cases.forEach((tc, states) -> {
        ObjectNode tcNode = testCases.putObject(tc);
        states.forEach(tcNode::put);
      });
    });
    ObjectNode responses = root.putObject("MockedResponses");
    for (Map.Entry<String, ResponseSequence> e : config.responses().entrySet()) {
      ObjectNode r = responses.putObject(e.getKey());
      for (ResponseStep step : e.getValue().steps()) {
        ObjectNode entry = r.putObject(step.key());
        if (step.response() instanceof MockResponse.Return ret) {
          entry.set("Return", ret.value());
        } else if (step.response() instanceof MockResponse.Throw t) {
          ObjectNode th = entry.putObject("Throw");
          if (t.error() != null) {
            th.put("Error", t.error());
          }
          if (t.cause() != null) {
            th.put("Cause", t.cause());
          }
        } else {
          throw new IllegalStateException("not a MockConfigFile response: " + step.response());
        }
      }
    }
    return root;
  }
}
