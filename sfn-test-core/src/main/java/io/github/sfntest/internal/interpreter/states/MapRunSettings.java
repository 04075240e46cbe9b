package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.distributed.Batching;
import io.github.sfntest.internal.distributed.ToleratedFailure;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.Query;

/** A Map Run's evaluated fields: tolerated failures, the reader's MaxItems and the batcher. */
final class MapRunSettings {
  private final State.Map map;
  private final StateEnv fieldEnv;
  ToleratedFailure tolerated;
  Long maxItems;
  Integer maxItemsPerBatch;
  Integer maxBytesPerBatch;
  JsonNode batchInput;
  boolean batched;

  MapRunSettings(State.Map map, StateEnv fieldEnv) {
    this.map = map;
    this.fieldEnv = fieldEnv;
  }

  void evaluate() {
    tolerated = new ToleratedFailure(toleratedCount(), toleratedPercentage());
    JsonNode readerConfig = map.itemReader() == null ? null : map.itemReader().get("ReaderConfig");
    Integer max = DistributedMapExecutor.integer(map, readerConfig, "MaxItems", fieldEnv);
    maxItems = max == null ? null : max.longValue();
    JsonNode batcher = map.itemBatcher();
    batched = batcher != null;
    if (batched) {
      maxItemsPerBatch = DistributedMapExecutor.integer(map, batcher, "MaxItemsPerBatch", fieldEnv);
      maxBytesPerBatch = DistributedMapExecutor.integer(map, batcher, "MaxInputBytesPerBatch", fieldEnv);
      if (maxItemsPerBatch != null && maxItemsPerBatch <= 0) {
        throw new StatesException(StatesErrors.RUNTIME, "MaxItemsPerBatch must be greater than 0.");
      }
      if (maxBytesPerBatch != null && (maxBytesPerBatch <= 0 || maxBytesPerBatch > Batching.MAX_BYTES_LIMIT)) {
        throw new StatesException(StatesErrors.RUNTIME, "MaxInputBytesPerBatch must be between 1 and "
            + Batching.MAX_BYTES_LIMIT + ".");
      }
      JsonNode template = batcher.get("BatchInput");
      if (template != null) {
        batchInput = map.common().jsonata()
            ? Query.jsonata(template, "BatchInput").evaluate(fieldEnv)
            : Query.template(template).evaluate(fieldEnv);
      }
    }
  }

  private Long toleratedCount() {
    JsonNode countValue = DistributedMapExecutor.field(map, toleratedOwner(), "ToleratedFailureCount", fieldEnv);
    if (countValue == null) {
      return null;
    }
    if (!countValue.isIntegralNumber() && !(countValue.isTextual() && Values.wholeNumber(countValue) != null)) {
      throw new StatesException(StatesErrors.RUNTIME, "The ToleratedFailureCount"
          + (map.toleratedFailureCountPath() != null ? "Path" : "") + " field refers to value \""
          + Values.textOf(countValue) + "\" which is not a valid integer"
          + (map.toleratedFailureCountPath() != null ? ": " + map.toleratedFailureCountPath() : "."));
    }
    long count = countValue.isTextual() ? Values.wholeNumber(countValue).longValue() : countValue.asLong();
    if (count < 0) {
      throw new StatesException(StatesErrors.RUNTIME, "ToleratedFailureCount cannot be negative.");
    }
    return count;
  }

  private Double toleratedPercentage() {
    JsonNode value = DistributedMapExecutor.field(map, toleratedOwner(), "ToleratedFailurePercentage", fieldEnv);
    if (value == null) {
      return null;
    }
    Double parsed = value.isNumber() ? Double.valueOf(value.asDouble()) : parseDouble(value);
    if (parsed == null) {
      throw new StatesException(StatesErrors.RUNTIME, "The ToleratedFailurePercentage"
          + (map.toleratedFailurePercentagePath() != null ? "Path" : "") + " field refers to value \""
          + Values.textOf(value) + "\" which is not a valid float"
          + (map.toleratedFailurePercentagePath() != null ? ": " + map.toleratedFailurePercentagePath() : "."));
    }
    if (parsed < 0 || parsed > 100) {
      throw new StatesException(StatesErrors.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
    }
    return parsed;
  }

  /** The tolerated-failure fields live on the state itself; a tiny view keeps field() generic. */
  private JsonNode toleratedOwner() {
    ObjectNode owner = Json.NODES.objectNode();
    if (map.toleratedFailureCount() != null) {
      owner.set("ToleratedFailureCount", map.toleratedFailureCount());
    } else if (map.toleratedFailureCountPath() != null) {
      owner.put("ToleratedFailureCountPath", map.toleratedFailureCountPath());
    }
    if (map.toleratedFailurePercentage() != null) {
      owner.set("ToleratedFailurePercentage", map.toleratedFailurePercentage());
    } else if (map.toleratedFailurePercentagePath() != null) {
      owner.put("ToleratedFailurePercentagePath", map.toleratedFailurePercentagePath());
    }
    return owner;
  }

  private static Double parseDouble(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return Double.valueOf(value.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
