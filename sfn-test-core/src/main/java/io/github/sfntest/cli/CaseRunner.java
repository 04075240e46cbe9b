package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.json.Json;

/** The result document of {@code run} and {@code batch}: status, output, error, cause, events. */
public final class CaseRunner {
  private CaseRunner() {}

  /**
   * The CLI's result document for an execution result.
   *
   * @param result the ended execution
   * @return the result document
   */
  public static ObjectNode resultDocument(ExecutionResult result) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("status", result.status().name());
    doc.set("output", result.output().orElse(Json.NODES.nullNode()));
    doc.set("error", result.error().<JsonNode>map(Json.NODES::textNode).orElse(Json.NODES.nullNode()));
    doc.set("cause", result.cause().<JsonNode>map(Json.NODES::textNode).orElse(Json.NODES.nullNode()));
    doc.set("events", result.history().toJson());
    return doc;
  }

  /**
   * The document for a case that could not run at all.
   *
   * @param error the error
   * @param cause the cause
   * @return the result document
   */
  public static ObjectNode invalidDocument(String error, String cause) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("status", "INVALID");
    doc.set("output", Json.NODES.nullNode());
    doc.put("error", error);
    doc.put("cause", cause);
    doc.set("events", Json.NODES.arrayNode());
    return doc;
  }
}
