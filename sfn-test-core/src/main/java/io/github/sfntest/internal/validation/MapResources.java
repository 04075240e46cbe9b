package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.ARN;
import static io.github.sfntest.internal.validation.Values.isExpression;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.text.NearMiss;
import java.util.List;
import java.util.Set;

/**
 * The Distributed Map's parts: ProcessorConfig, ItemReader, ItemBatcher and ResultWriter (and that
 * only a Distributed Map may have the last three).
 */
final class MapResources {

  private final Diagnostics out;
  private final FieldChecks fields;
  private final Templates templates;

  MapResources(ValidationContext ctx) {
    this.out = ctx.out;
    this.fields = ctx.fields;
    this.templates = ctx.templates;
  }

  /** The ItemReader, ItemBatcher and ResultWriter of a Map state. */
  void check(JsonNode s, String ptr, QueryLanguage q, boolean distributed) {
    for (String f : new String[] {"ItemReader", "ItemBatcher", "ResultWriter"}) {
      if (s.has(f) && !distributed) {
        out.keyError(child(ptr, f), f + " is only available in a Distributed Map; set \"ProcessorConfig\": {\"Mode\":"
            + " \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"} in the ItemProcessor");
      }
    }
    itemReader(s.get("ItemReader"), child(ptr, "ItemReader"), q);
    itemBatcher(s.get("ItemBatcher"), child(ptr, "ItemBatcher"), q);
    resultWriter(s.get("ResultWriter"), child(ptr, "ResultWriter"), q);
  }

  /** The ProcessorConfig of a Map's ItemProcessor or Iterator. */
  void processorConfig(JsonNode pc, String ptr) {
    if (pc == null) {
      return;
    }
    if (!pc.isObject()) {
      out.error(ptr, "ProcessorConfig must be an object (was " + kind(pc) + ")");
      return;
    }
    fields.unknownFields(pc, ptr, Set.of("Mode", "ExecutionType"), "ProcessorConfig");
    JsonNode mode = pc.get("Mode");
    if (mode != null && !(mode.isTextual() && Set.of("INLINE", "DISTRIBUTED").contains(mode.asText()))) {
      out.error(child(ptr, "Mode"), "Mode must be \"INLINE\" or \"DISTRIBUTED\" (was " + kind(mode) + ")"
          + (mode.isTextual() ? NearMiss.hint(mode.asText(), List.of("INLINE", "DISTRIBUTED")) : ""));
    }
    JsonNode type = pc.get("ExecutionType");
    if (type != null && !(type.isTextual() && Set.of("STANDARD", "EXPRESS").contains(type.asText()))) {
      out.error(child(ptr, "ExecutionType"), "ExecutionType must be \"STANDARD\" or \"EXPRESS\" (was "
          + kind(type) + ")");
    }
    if (mode != null && mode.asText().equals("DISTRIBUTED") && type == null) {
      out.error(ptr, "a DISTRIBUTED ItemProcessor needs \"ExecutionType\": \"STANDARD\" or \"EXPRESS\"");
    }
  }

  private void resourceParameters(JsonNode obj, String ptr, QueryLanguage q, String what) {
    JsonNode r = obj.get("Resource");
    if (r == null) {
      out.error(ptr, what + " is missing required field \"Resource\" (e.g. \"arn:aws:states:::s3:getObject\")");
    } else if (!r.isTextual()) {
      out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource must be an ARN string (was " + kind(r) + ")");
    } else if (!r.asText().contains("${") && !ARN.matcher(r.asText()).matches()) {
      out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource \"" + PathSyntax.abbreviate(r.asText())
          + "\" is not an ARN; expected e.g. \"arn:aws:states:::s3:getObject\"");
    }
    if (obj.has("Parameters") && q == QueryLanguage.JSONATA) {
      out.keyError(child(ptr, "Parameters"), "field \"Parameters\" is only valid in JSONPath states; use Arguments");
    } else if (obj.has("Parameters")) {
      templates.template(obj.get("Parameters"), child(ptr, "Parameters"), "Parameters", true);
    }
    if (obj.has("Arguments") && q == QueryLanguage.JSONPATH) {
      out.keyError(child(ptr, "Arguments"), "field \"Arguments\" is only valid in JSONata states; use Parameters");
    }
  }

  private void itemReader(JsonNode r, String ptr, QueryLanguage q) {
    if (r == null) {
      return;
    }
    if (!r.isObject()) {
      out.error(ptr, "ItemReader must be an object with Resource (was " + kind(r) + ")");
      return;
    }
    fields.unknownFields(r, ptr, Set.of("Resource", "Parameters", "Arguments", "ReaderConfig"), "ItemReader");
    resourceParameters(r, ptr, q, "ItemReader");
    JsonNode rc = r.get("ReaderConfig");
    if (rc == null) {
      return;
    }
    String rp = child(ptr, "ReaderConfig");
    if (!rc.isObject()) {
      out.error(rp, "ReaderConfig must be an object (was " + kind(rc) + ")");
      return;
    }
    fields.unknownFields(rc, rp, Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
        "MaxItemsPath", "ManifestType", "Transformation"), "ReaderConfig");
    fields.enumField(rc, rp, "InputType", Set.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"));
    fields.enumField(rc, rp, "CSVHeaderLocation", Set.of("FIRST_ROW", "GIVEN"));
    fields.enumField(rc, rp, "CSVDelimiter", Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"));
    fields.enumField(rc, rp, "ManifestType", Set.of("ATHENA_DATA", "S3_INVENTORY"));
    fields.enumField(rc, rp, "Transformation", Set.of("NONE", "LOAD_AND_FLATTEN"));
    fields.exclusive(rc, rp, "MaxItems", "MaxItemsPath");
    if (rc.has("MaxItems")) {
      fields.integer(child(rp, "MaxItems"), "MaxItems", rc.get("MaxItems"), 0, 100_000_000, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      fields.pathField(rc, rp, "MaxItemsPath", false);
    }
    JsonNode headers = rc.get("CSVHeaders");
    if (headers != null && !(headers.isArray() || (q == QueryLanguage.JSONATA && headers.isTextual() && isExpression(headers.asText())))) {
      out.error(child(rp, "CSVHeaders"), "CSVHeaders must be an array of strings (was " + kind(headers) + ")");
    }
    if (rc.path("CSVHeaderLocation").asText("").equals("GIVEN") && headers == null) {
      out.error(rp, "CSVHeaderLocation GIVEN needs CSVHeaders");
    }
  }

  private void itemBatcher(JsonNode b, String ptr, QueryLanguage q) {
    if (b == null) {
      return;
    }
    if (!b.isObject()) {
      out.error(ptr, "ItemBatcher must be an object (was " + kind(b) + ")");
      return;
    }
    fields.unknownFields(b, ptr, Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
        "MaxInputBytesPerBatchPath", "BatchInput"), "ItemBatcher");
    fields.exclusive(b, ptr, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
    fields.exclusive(b, ptr, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    if (!b.has("MaxItemsPerBatch") && !b.has("MaxItemsPerBatchPath") && !b.has("MaxInputBytesPerBatch")
        && !b.has("MaxInputBytesPerBatchPath")) {
      out.error(ptr, "ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)");
    }
    if (b.has("MaxItemsPerBatch")) {
      fields.integer(child(ptr, "MaxItemsPerBatch"), "MaxItemsPerBatch", b.get("MaxItemsPerBatch"), 1, Integer.MAX_VALUE, q);
    }
    if (b.has("MaxInputBytesPerBatch")) {
      fields.integer(child(ptr, "MaxInputBytesPerBatch"), "MaxInputBytesPerBatch", b.get("MaxInputBytesPerBatch"), 1,
          262_144, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      fields.pathField(b, ptr, "MaxItemsPerBatchPath", false);
      fields.pathField(b, ptr, "MaxInputBytesPerBatchPath", false);
      if (b.has("BatchInput")) {
        templates.template(b.get("BatchInput"), child(ptr, "BatchInput"), "BatchInput", true);
      }
    }
  }

  private void resultWriter(JsonNode w, String ptr, QueryLanguage q) {
    if (w == null) {
      return;
    }
    if (!w.isObject()) {
      out.error(ptr, "ResultWriter must be an object (was " + kind(w) + ")");
      return;
    }
    fields.unknownFields(w, ptr, Set.of("Resource", "Parameters", "Arguments", "WriterConfig"), "ResultWriter");
    if (w.has("Resource") || !w.has("WriterConfig")) {
      resourceParameters(w, ptr, q, "ResultWriter");
    }
    JsonNode wc = w.get("WriterConfig");
    if (wc != null) {
      String wp = child(ptr, "WriterConfig");
      if (!wc.isObject()) {
        out.error(wp, "WriterConfig must be an object (was " + kind(wc) + ")");
      } else {
        fields.unknownFields(wc, wp, Set.of("OutputType", "Transformation"), "WriterConfig");
        fields.enumField(wc, wp, "OutputType", Set.of("JSON", "JSONL"));
        fields.enumField(wc, wp, "Transformation", Set.of("NONE", "COMPACT", "FLATTEN"));
      }
    }
  }
}
