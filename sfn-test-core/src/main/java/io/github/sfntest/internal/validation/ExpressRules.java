package io.github.sfntest.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What AWS refuses in an EXPRESS state machine (CreateStateMachine with {@code type: EXPRESS}):
 * {@code .sync} and {@code .waitForTaskToken} integrations and activities, each reported at the
 * Task's {@code Resource} with AWS's code and message.
 */
public final class ExpressRules {

  private ExpressRules() {}

  /** The errors of {@code definition} (the parsed document) as an EXPRESS state machine. */
  public static List<Diagnostic> check(JsonNode definition) {
    List<Diagnostic> found = new ArrayList<>();
    states(definition, "", found);
    return found;
  }

  private static void states(JsonNode machine, String pointer, List<Diagnostic> found) {
    JsonNode states = machine.path("States");
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = pointer + "/States/" + escape(e.getKey());
      JsonNode state = e.getValue();
      String resource = state.path("Resource").asText("");
      if ("Task".equals(state.path("Type").asText())) {
        // AWS's messages word for word; the '.waitForTaskToken' one ends with a space
        String message = resource.contains(":activity:") ? "Express state machine does not support Activity ARN"
            : resource.endsWith(".waitForTaskToken")
                ? "Express state machine does not support '.waitForTaskToken' service integration "
            : resource.endsWith(".sync") || resource.contains(".sync:")
                ? "Express state machine does not support '.sync' service integration" : null;
        // AWS: recording: conformance/validation/cases/api.sfn_api_express.illegal_callbacks.SYNC
        // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html "Express Workflows only support Request Response integrations."
        if (message != null) {
          found.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, at + "/Resource", 1, 1, message,
              at + "/Resource", "an EXPRESS state machine cannot wait for a job, a callback or an activity"));
        }
      }
      JsonNode branches = state.path("Branches");
      for (int i = 0; i < branches.size(); i++) {
        states(branches.get(i), at + "/Branches/" + i, found);
      }
      for (String processor : List.of("Iterator", "ItemProcessor")) {
        if (state.path(processor).isObject()) {
          states(state.get(processor), at + "/" + processor, found);
        }
      }
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
