package io.github.sfntest.internal.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Distributed Map returns from its children: their outputs (no ResultWriter), a formatted
 * preview ({@code WriterConfig} only), or result files in S3 plus {@code {"MapRunArn",
 * "ResultWriterDetails"}} ({@code Resource} + {@code Parameters}).
 */
public final class ResultWriting {
  private ResultWriting() {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * @param writer the raw ResultWriter (null when absent)
   * @param params the evaluated Parameters/Arguments of the writer (null when it has no Resource)
   */
  public static JsonNode result(JsonNode writer, JsonNode params, String mapRunArn, String stateMachineArn,
      List<ExecutionResult> children, S3Port s3) {
    JsonNode config = writer == null ? null : writer.get("WriterConfig");
    boolean exports = writer != null && writer.hasNonNull("Resource");
    String transformation = config != null && config.hasNonNull("Transformation")
        ? config.get("Transformation").asText()
        : exports ? "NONE" : "COMPACT";
    String outputType = config != null && config.hasNonNull("OutputType") ? config.get("OutputType").asText() : "JSON";
    if (!List.of("NONE", "COMPACT", "FLATTEN").contains(transformation)) {
      throw StatesException.unscoped(StatesErrors.RESULT_WRITER_FAILED,
          "Unsupported WriterConfig Transformation '" + transformation + "': use NONE, COMPACT or FLATTEN.");
    }
    if (!List.of("JSON", "JSONL").contains(outputType)) {
      throw StatesException.unscoped(StatesErrors.RESULT_WRITER_FAILED,
          "Unsupported WriterConfig OutputType '" + outputType + "': use JSON or JSONL.");
    }
    if (!exports) {
      ArrayNode out = Json.NODES.arrayNode();
      for (ExecutionResult child : children) {
        addEntry(out, child, transformation, stateMachineArn);
      }
      return out;
    }
    return export(params, mapRunArn, stateMachineArn, children, s3, transformation, outputType);
  }

  private static JsonNode export(JsonNode params, String mapRunArn, String stateMachineArn,
      List<ExecutionResult> children, S3Port s3, String transformation, String outputType) {
    String bucket = params == null ? null : params.path("Bucket").asText(null);
    if (bucket == null) {
      throw StatesException.unscoped(StatesErrors.RESULT_WRITER_FAILED, "The ResultWriter Parameters must name a Bucket.");
    }
    String prefix = params.path("Prefix").asText("");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    String base = prefix + runId + "/";
    ArrayNode succeeded = Json.NODES.arrayNode();
    ArrayNode failed = Json.NODES.arrayNode();
    for (ExecutionResult child : children) {
      if (child.status() == ExecutionStatus.SUCCEEDED) {
        addEntry(succeeded, child, transformation, stateMachineArn);
      } else if (child.status() != ExecutionStatus.ABORTED) {
        addEntry(failed, child, transformation, stateMachineArn);
      }
    }
    String extension = "JSONL".equals(outputType) ? ".jsonl" : ".json";
    ObjectNode files = Json.NODES.objectNode();
    try {
      files.set("FAILED", writeFile(s3, bucket, base + "FAILED_0" + extension, failed, outputType));
      files.set("PENDING", Json.NODES.arrayNode());
      files.set("SUCCEEDED", writeFile(s3, bucket, base + "SUCCEEDED_0" + extension, succeeded, outputType));
      ObjectNode manifest = Json.NODES.objectNode();
      manifest.put("DestinationBucket", bucket);
      manifest.put("MapRunArn", mapRunArn);
      manifest.set("ResultFiles", files);
      s3.putObject(bucket, base + "manifest.json", Json.write(manifest));
    } catch (S3Port.S3Error e) {
      throw StatesException.unscoped(StatesErrors.RESULT_WRITER_FAILED, e.getMessage());
    }
    ObjectNode out = Json.NODES.objectNode();
    out.put("MapRunArn", mapRunArn);
    ObjectNode details = Json.NODES.objectNode();
    details.put("Bucket", bucket);
    details.put("Key", base + "manifest.json");
    out.set("ResultWriterDetails", details);
    return out;
  }

  /** Writes one result file (none for an empty group) and returns its manifest entries. */
  private static ArrayNode writeFile(S3Port s3, String bucket, String key, ArrayNode entries, String outputType) {
    ArrayNode listed = Json.NODES.arrayNode();
    if (entries.isEmpty()) {
      return listed;
    }
    String body;
    if ("JSONL".equals(outputType)) {
      StringBuilder lines = new StringBuilder();
      entries.forEach(e -> lines.append(Json.write(e)).append('\n'));
      body = lines.toString();
    } else {
      body = Json.write(entries);
    }
    s3.putObject(bucket, key, body);
    ObjectNode file = Json.NODES.objectNode();
    file.put("Key", key);
    file.put("Size", body.getBytes(StandardCharsets.UTF_8).length);
    listed.add(file);
    return listed;
  }

  /** COMPACT: the output; FLATTEN: an array output's elements; NONE and failed children: the execution record. */
  private static void addEntry(ArrayNode out, ExecutionResult child, String transformation, String stateMachineArn) {
    if (child.status() != ExecutionStatus.SUCCEEDED || "NONE".equals(transformation)) {
      out.add(record(child, stateMachineArn));
      return;
    }
    JsonNode output = child.output().orElse(Json.NODES.nullNode());
    if ("FLATTEN".equals(transformation) && output.isArray()) {
      output.forEach(out::add);
    } else {
      out.add(output);
    }
  }

  /** A child execution as AWS writes it in result files (DescribeExecution's fields). */
  public static ObjectNode record(ExecutionResult child, String stateMachineArn) {
    ObjectNode r = Json.NODES.objectNode();
    if (child.cause().isPresent()) {
      r.put("Cause", child.cause().get());
    }
    if (child.error().isPresent()) {
      r.put("Error", child.error().get());
    }
    r.put("ExecutionArn", child.executionArn());
    r.put("Input", Json.write(child.input()));
    r.set("InputDetails", included());
    r.put("Name", child.executionArn().substring(child.executionArn().lastIndexOf(':') + 1));
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      r.put("Output", Json.write(child.output().orElse(Json.NODES.nullNode())));
      r.set("OutputDetails", included());
    }
    r.put("RedriveCount", 0);
    r.put("RedriveStatus", child.status() == ExecutionStatus.SUCCEEDED ? "NOT_REDRIVABLE" : "REDRIVABLE_BY_MAP_RUN");
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      r.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    }
    r.put("StartDate", time(child.startDate()));
    r.put("StateMachineArn", stateMachineArn);
    r.put("Status", child.status().name());
    r.put("StopDate", time(child.stopDate()));
    return r;
  }

  private static ObjectNode included() {
    ObjectNode node = Json.NODES.objectNode();
    node.put("Included", true);
    return node;
  }

  private static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  /** The Map Run outputs in item order for a run without a ResultWriter (COMPACT). */
  public static List<JsonNode> outputs(List<ExecutionResult> children) {
    List<JsonNode> out = new ArrayList<>(children.size());
    for (ExecutionResult c : children) {
      out.add(c.output().orElse(Json.NODES.nullNode()));
    }
    return out;
  }
}
