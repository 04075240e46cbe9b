package io.github.sfntest.internal.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.internal.json.Json;
import java.util.List;

/**
 * AWS's answer shapes for a list of diagnostics: the {@code ValidateStateMachineDefinition} response
 * and the {@code InvalidDefinition} message of CreateStateMachine, UpdateStateMachine and TestState.
 */
public final class ValidationResponse {

  /** AWS's default and cap for {@code maxResults}. */
  public static final int MAX_RESULTS = 100;

  private ValidationResponse() {}

  /**
   * The ValidateStateMachineDefinition response: {@code result} is FAIL when any ERROR was found,
   * whatever the filter; {@code diagnostics} keeps those at or above {@code severity} (ERROR or
   * WARNING), at most {@code maxResults} of them (0 means AWS's default), and {@code truncated} says
   * whether more were left out.
   */
  public static ObjectNode of(List<Diagnostic> diagnostics, String severity, int maxResults) {
    int max = maxResults <= 0 ? MAX_RESULTS : Math.min(maxResults, MAX_RESULTS);
    ObjectNode out = Json.NODES.objectNode();
    out.put("result", diagnostics.stream().anyMatch(Diagnostic::isError) ? "FAIL" : "OK");
    ArrayNode list = out.putArray("diagnostics");
    boolean truncated = false;
    for (Diagnostic d : diagnostics) {
      if (!d.isError() && "ERROR".equals(severity)) {
        continue;
      }
      if (list.size() == max) {
        truncated = true;
        break;
      }
      ObjectNode item = list.addObject();
      item.put("severity", d.severity().name());
      item.put("code", d.code());
      item.put("message", d.message());
      if (d.location() != null) {
        item.put("location", d.location());
      }
    }
    out.put("truncated", truncated);
    return out;
  }

  /**
   * AWS's InvalidDefinition message for the ERROR diagnostics: {@code Invalid State Machine
   * Definition: 'CODE: message at /location'}, several quoted and separated by ", " inside the
   * outer quotes.
   */
  public static String invalidDefinitionMessage(List<Diagnostic> diagnostics) {
    List<String> parts = diagnostics.stream().filter(Diagnostic::isError)
        .map(d -> d.code() + ": " + d.message() + (d.location() == null ? "" : " at " + d.location()))
        .toList();
    String inner = parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.stream().map(p -> "'" + p + "'").toList());
    return "Invalid State Machine Definition: '" + inner + "'";
  }
}
