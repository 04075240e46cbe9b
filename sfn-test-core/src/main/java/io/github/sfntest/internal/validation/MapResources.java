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
import java.util.regex.Pattern;

/**
 * The Distributed Map's parts: ProcessorConfig, ItemReader, ItemBatcher and ResultWriter (and that
 * only a Distributed Map may have the last three).
 */
final class MapResources {

  /** The S3 integrations a Distributed Map reads items with. */
  private static final Pattern READER = Pattern.compile("arn:aws[a-z-]*:states:::s3:(getObject|listObjectsV2)");

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
      // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html "In Inline mode, the Map
      // state accepts only a JSON array as input. It receives this array from a previous step in the workflow."
      // (ItemReader reads from S3; ItemBatcher and ResultWriter act on child workflow executions, which only a
      // Distributed Map starts: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
      // "output results of the child workflow executions started by a Distributed Map state")
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
    // AWS: https://states-language.net/spec.html#map-state "The ItemProcessor field MAY contain a field named
    // ProcessorConfig, whose value MUST be a JSON object"
    if (!pc.isObject()) {
      out.error(ptr, "ProcessorConfig must be an object (was " + kind(pc) + ")");
      return;
    }
    unlistedFields(pc, ptr, Set.of("Mode", "ExecutionType"), "ProcessorConfig");
    JsonNode mode = pc.get("Mode");
    // AWS: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.ProcessorMode.html "Mode of the
    // Map workflow. INLINE Inline Map mode. DISTRIBUTED Distributed Map mode." (the two values AWS defines); the
    // engine cannot run another mode
    if (mode != null && !(mode.isTextual() && Set.of("INLINE", "DISTRIBUTED").contains(mode.asText()))) {
      out.error(child(ptr, "Mode"), "Mode must be \"INLINE\" or \"DISTRIBUTED\" (was " + kind(mode) + ")"
          + (mode.isTextual() ? NearMiss.hint(mode.asText(), List.of("INLINE", "DISTRIBUTED")) : ""));
    }
    JsonNode type = pc.get("ExecutionType");
    // AWS: https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_stepfunctions/ProcessorType.html "Execution type
    // for the Map workflow. EXPRESS Express execution type. STANDARD Standard execution type."
    if (type != null && !(type.isTextual() && Set.of("STANDARD", "EXPRESS").contains(type.asText()))) {
      out.error(child(ptr, "ExecutionType"), "ExecutionType must be \"STANDARD\" or \"EXPRESS\" (was "
          + kind(type) + ")");
    }
    // AWS: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.ProcessorConfig.html "you must
    // provide this field if you specified DISTRIBUTED for the mode sub-field"
    if (mode != null && mode.asText().equals("DISTRIBUTED") && type == null) {
      out.error(ptr, "a DISTRIBUTED ItemProcessor needs \"ExecutionType\": \"STANDARD\" or \"EXPRESS\"");
    }
  }

  private void resourceParameters(JsonNode obj, String ptr, QueryLanguage q, String what) {
    JsonNode r = obj.get("Resource");
    // AWS: https://states-language.net/spec.html#map-state "The ItemReader Configuration MUST have a Resource field,
    // whose value MUST be a URI" (the ResultWriter Configuration likewise); AWS refuses a Resource that is not one of
    // its S3 integrations: recording: https://github.com/floci-io/floci/pull/1588 (rejecting unsupported
    // ItemReader.Resource at definition time with InvalidDefinition / SCHEMA_VALIDATION_FAILED, checked on AWS)
    if (r == null) {
      out.error(ptr, what + " is missing required field \"Resource\" (e.g. \"arn:aws:states:::s3:getObject\")");
    } else if (!r.isTextual()) {
      out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource must be an ARN string (was " + kind(r) + ")");
    } else if (!r.asText().contains("${") && !ARN.matcher(r.asText()).matches()) {
      out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource \"" + PathSyntax.abbreviate(r.asText())
          + "\" is not an ARN; expected e.g. \"arn:aws:states:::s3:getObject\"");
    }
    // AWS: https://states-language.net/spec.html#map-state "In a JSONPath Map State, the ItemReader Configuration
    // MAY have a Parameters field" and "In a JSONata Map State, the ItemReader Configuration MAY have an Arguments
    // field"; AWS refuses a JSONPath-only field in JSONata: recording: https://github.com/floci-io/floci/issues/3733
    // ("The QueryLanguage is set to 'JSONata', but field ... is only supported for the 'JSONPath' QueryLanguage")
    if (obj.has("Parameters") && q == QueryLanguage.JSONATA) {
      out.keyError(child(ptr, "Parameters"), "field \"Parameters\" is only valid in JSONPath states; use Arguments");
    } else if (obj.has("Parameters")) {
      templates.template(obj.get("Parameters"), child(ptr, "Parameters"), "Parameters", true);
    }
    // AWS: https://states-language.net/spec.html#map-state "In a JSONata Map State, the ItemReader Configuration MAY
    // have an Arguments field" (a JSONPath one has Parameters instead)
    if (obj.has("Arguments") && q == QueryLanguage.JSONPATH) {
      out.keyError(child(ptr, "Arguments"), "field \"Arguments\" is only valid in JSONata states; use Parameters");
    }
  }

  private void itemReader(JsonNode r, String ptr, QueryLanguage q) {
    if (r == null) {
      return;
    }
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have an ItemReader field, whose value MUST
    // be a JSON object"
    if (!r.isObject()) {
      out.error(ptr, "ItemReader must be an object with Resource (was " + kind(r) + ")");
      return;
    }
    unlistedFields(r, ptr, Set.of("Resource", "Parameters", "Arguments", "ReaderConfig"), "ItemReader");
    resourceParameters(r, ptr, q, "ItemReader");
    JsonNode res = r.get("Resource");
    if (res != null && res.isTextual() && !res.asText().contains("${") && ARN.matcher(res.asText()).matches()
        && !READER.matcher(res.asText()).matches()) {
      // AWS: recording: https://github.com/floci-io/floci/pull/1588 (AWS rejects an unsupported ItemReader.Resource at
      // definition time with InvalidDefinition / SCHEMA_VALIDATION_FAILED); and
      // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html "Resource The Amazon S3 API
      // integration action that Step Functions will use, such as arn:aws:states:::s3:getObject"
      out.error(child(ptr, "Resource"), "ItemReader Resource \"" + PathSyntax.abbreviate(res.asText()) + "\" is not an"
          + " S3 integration a Distributed Map reads items with; use arn:aws:states:::s3:getObject or"
          + " arn:aws:states:::s3:listObjectsV2");
    }
    JsonNode rc = r.get("ReaderConfig");
    if (rc == null) {
      return;
    }
    String rp = child(ptr, "ReaderConfig");
    // AWS: https://states-language.net/spec.html#map-state "The ItemReader Configuration MAY have a ReaderConfig field
    // whose value is a JSON object"
    if (!rc.isObject()) {
      out.error(rp, "ReaderConfig must be an object (was " + kind(rc) + ")");
      return;
    }
    unlistedFields(rc, rp, Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
        "MaxItemsPath", "ManifestType", "Transformation"), "ReaderConfig");
    // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html "InputType Accepts one
    // of the following values" (and so CSVHeaderLocation, CSVDelimiter, ManifestType, Transformation); an unsupported
    // InputType is refused: recording: https://github.com/floci-io/floci/pull/1588
    fields.enumField(rc, rp, "InputType", Set.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"));
    fields.enumField(rc, rp, "CSVHeaderLocation", Set.of("FIRST_ROW", "GIVEN"));
    fields.enumField(rc, rp, "CSVDelimiter", Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"));
    fields.enumField(rc, rp, "ManifestType", Set.of("ATHENA_DATA", "S3_INVENTORY"));
    fields.enumField(rc, rp, "Transformation", Set.of("NONE", "LOAD_AND_FLATTEN"));
    // AWS: https://states-language.net/spec.html#map-state "A ReaderConfig field MUST NOT include both MaxItems and
    // MaxItemsPath"; AWS's bounds: recording: https://github.com/floci-io/floci/issues/3733 ("a literal below 0:
    // Minimum value is 0 ... ReaderConfig.MaxItems has Maximum value is 100000000")
    fields.exclusive(rc, rp, "MaxItems", "MaxItemsPath");
    if (rc.has("MaxItems")) {
      fields.integer(child(rp, "MaxItems"), "MaxItems", rc.get("MaxItems"), 0, 100_000_000, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      // AWS: https://states-language.net/spec.html#map-state "MaxItemsPath field which MUST be a Reference Path"
      fields.pathField(rc, rp, "MaxItemsPath", false);
    }
    JsonNode headers = rc.get("CSVHeaders");
    // AWS: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.CsvHeaders.html "List of headers
    // if headerLocation is GIVEN" and https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.CsvHeaderLocation.html
    // "GIVEN Headers are provided in CSVHeaders property" (without them a CSV row has no column names to read it with)
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
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have an ItemBatcher field, whose value
    // MUST be a JSON object"
    if (!b.isObject()) {
      out.error(ptr, "ItemBatcher must be an object (was " + kind(b) + ")");
      return;
    }
    unlistedFields(b, ptr, Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
        "MaxInputBytesPerBatchPath", "BatchInput"), "ItemBatcher");
    // AWS: https://states-language.net/spec.html#map-state "A Map State MUST NOT include both MaxItemsPerBatch and
    // MaxItemsPerBatchPath or both MaxInputBytesPerBatch and MaxInputBytesPerBatchPath"
    fields.exclusive(b, ptr, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
    fields.exclusive(b, ptr, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    // AWS: https://states-language.net/spec.html#map-state "An ItemBatcher Configuration MUST contain at least one of
    // MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, or MaxInputBytesPerBatchPath"
    if (!b.has("MaxItemsPerBatch") && !b.has("MaxItemsPerBatchPath") && !b.has("MaxInputBytesPerBatch")
        && !b.has("MaxInputBytesPerBatchPath")) {
      out.error(ptr, "ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)");
    }
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 (AWS answers a literal below 0 with "Minimum
    // value is 0"; 0 itself validates, see batchLimit) and https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.ItemBatcherProps.html
    // "no limits on the batch size under the 256KB limit" (MaxInputBytesPerBatch at most 262,144 bytes)
    batchLimit(b, ptr, "MaxItemsPerBatch", Integer.MAX_VALUE, q);
    batchLimit(b, ptr, "MaxInputBytesPerBatch", 262_144, q);
    if (q == QueryLanguage.JSONPATH) {
      // AWS: https://states-language.net/spec.html#map-state "MaxItemsPerBatchPath and MaxInputBytesPerBatchPath
      // fields which MUST be Reference Paths"
      fields.pathField(b, ptr, "MaxItemsPerBatchPath", false);
      fields.pathField(b, ptr, "MaxInputBytesPerBatchPath", false);
      if (b.has("BatchInput")) {
        templates.template(b.get("BatchInput"), child(ptr, "BatchInput"), "BatchInput", true);
      }
    }
  }

  /**
   * MaxItemsPerBatch or MaxInputBytesPerBatch: an integer in [0, max]. The States Language asks for a positive
   * integer, but AWS's validator accepts 0 (it reports values below 0 only), so 0 is a warning; such a Map fails when
   * it runs.
   */
  private void batchLimit(JsonNode b, String ptr, String field, long max, QueryLanguage q) {
    if (!b.has(field)) {
      return;
    }
    // AWS: recording: https://github.com/floci-io/floci/issues/3733 ("a literal below 0: Minimum value is 0", on
    // every Map number field)
    Long value = fields.integer(child(ptr, field), field, b.get(field), 0, max, q);
    if (value != null && value == 0) {
      out.warning("BATCH_LIMIT_ZERO", child(ptr, field), field + " is 0; the States Language requires a positive"
          + " integer. AWS may accept the definition (its validator reports only values below 0), but the Map"
          + " state fails when it runs; use 1 or more");
    }
  }

  /**
   * Fields of a Map configuration object that sfn-test does not know: a warning, not an error. No AWS rejection of an
   * unknown field inside these objects is documented or recorded (the recorded "Field ... is not supported" is for
   * fields of states and state machines), and AWS adds fields to them over time.
   */
  private void unlistedFields(JsonNode obj, String ptr, Set<String> allowed, String what) {
    for (String f : (Iterable<String>) obj::fieldNames) {
      if (!allowed.contains(f)) {
        out.warning("UNKNOWN_FIELD", child(ptr, f), "unknown field \"" + f + "\" in " + what + NearMiss.hint(f, allowed)
            + "; AWS may accept it (no AWS rejection of it is documented or recorded), sfn-test ignores it");
      }
    }
  }

  private void resultWriter(JsonNode w, String ptr, QueryLanguage q) {
    if (w == null) {
      return;
    }
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have a ResultWriter field, whose value
    // MUST be a JSON object"
    if (!w.isObject()) {
      out.error(ptr, "ResultWriter must be an object (was " + kind(w) + ")");
      return;
    }
    unlistedFields(w, ptr, Set.of("Resource", "Parameters", "Arguments", "WriterConfig"), "ResultWriter");
    if (w.has("Resource") || !w.has("WriterConfig")) {
      resourceParameters(w, ptr, q, "ResultWriter");
    }
    JsonNode wc = w.get("WriterConfig");
    if (wc != null) {
      String wp = child(ptr, "WriterConfig");
      // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html "WriterConfig This
      // field enables you to configure the following options. Transformation NONE ... COMPACT ... FLATTEN ...
      // OutputType JSON ... JSONL"
      if (!wc.isObject()) {
        out.error(wp, "WriterConfig must be an object (was " + kind(wc) + ")");
      } else {
        unlistedFields(wc, wp, Set.of("OutputType", "Transformation"), "WriterConfig");
        // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html "This field enables
        // you to configure the following options" (Transformation: NONE, COMPACT, FLATTEN; OutputType: JSON, JSONL)
        fields.enumField(wc, wp, "OutputType", Set.of("JSON", "JSONL"));
        fields.enumField(wc, wp, "Transformation", Set.of("NONE", "COMPACT", "FLATTEN"));
      }
    }
  }
}
