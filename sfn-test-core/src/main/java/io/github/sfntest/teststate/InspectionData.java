package io.github.sfntest.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The data after each processing step of a tested state, named as AWS's TestState
 * {@code inspectionData}: {@code input}, {@code afterInputPath}, {@code afterParameters} or
 * {@code afterArguments}, {@code result}, {@code afterResultSelector}, {@code afterResultPath},
 * {@code variables}, Map's {@code afterItemsPath}, {@code maxConcurrency},
 * {@code toleratedFailureCount}/{@code toleratedFailurePercentage}, {@code errorDetails}, and at
 * {@code TRACE} an HTTP Task's {@code request} and {@code response} (string members, as the API's
 * {@code InspectionDataRequest}/{@code InspectionDataResponse}). A step
 * AWS does not report for the state is empty. Values are parsed JSON (the API sends them as JSON
 * strings).
 */
public final class InspectionData {

  private final ObjectNode data;

  /**
   * @param data the members, parsed
   */
  public InspectionData(ObjectNode data) {
    this.data = data.deepCopy();
  }

  /** The member {@code name}, as AWS names it. */
  public Optional<JsonNode> get(String name) {
    return Optional.ofNullable(data.get(name));
  }

  /** The state's input. */
  public Optional<JsonNode> input() {
    return get("input");
  }

  /** After InputPath (JSONPath). */
  public Optional<JsonNode> afterInputPath() {
    return get("afterInputPath");
  }

  /** After Parameters (JSONPath). */
  public Optional<JsonNode> afterParameters() {
    return get("afterParameters");
  }

  /** After Arguments (JSONata). */
  public Optional<JsonNode> afterArguments() {
    return get("afterArguments");
  }

  /** The integration's (or Pass's) result. */
  public Optional<JsonNode> result() {
    return get("result");
  }

  /** After ResultSelector. */
  public Optional<JsonNode> afterResultSelector() {
    return get("afterResultSelector");
  }

  /** After ResultPath. */
  public Optional<JsonNode> afterResultPath() {
    return get("afterResultPath");
  }

  /** The variables. */
  public Optional<JsonNode> variables() {
    return get("variables");
  }

  /** Retry/Catch details: {@code retryIndex}, {@code retryBackoffIntervalSeconds}, {@code catchIndex}. */
  public Optional<JsonNode> errorDetails() {
    return get("errorDetails");
  }

  /** Every member, parsed JSON values. */
  public ObjectNode asJson() {
    return data.deepCopy();
  }

  /** Whether no member is present (always at {@code INFO}). */
  public boolean isEmpty() {
    return data.isEmpty();
  }

  @Override
  public String toString() {
    return data.toString();
  }
}
