package io.github.sfntest.internal.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The Distributed Map {@code ItemReader}: S3 {@code getObject} with {@code InputType} JSON, JSONL,
 * CSV or MANIFEST, and {@code listObjectsV2}. Every problem is {@code States.ItemReaderFailed}.
 */
public final class ItemReaders {
  private ItemReaders() {}

  /** AWS's cap on items a reader hands to a Map Run. */
  public static final int MAX_ITEMS_LIMIT = 100_000_000;

  /**
   * Reads the items.
   *
   * @param resource the reader's Resource ({@code arn:aws:states:::s3:getObject} / {@code listObjectsV2})
   * @param params the evaluated Parameters/Arguments (Bucket, Key, Prefix)
   * @param config the raw ReaderConfig (may be null)
   * @param maxItems the evaluated MaxItems/MaxItemsPath, or null when absent
   */
  public static List<JsonNode> read(String resource, JsonNode params, JsonNode config, Long maxItems, S3Port s3) {
    if (maxItems != null && maxItems < 0) {
      throw failed("field MaxItems must be positive");
    }
    int limit = maxItems == null || maxItems == 0 || maxItems > MAX_ITEMS_LIMIT ? MAX_ITEMS_LIMIT : maxItems.intValue();
    JsonNode cfg = config == null ? Json.NODES.objectNode() : config;
    String action = resource.substring(resource.lastIndexOf(':') + 1);
    int dot = action.indexOf('.');
    if (dot >= 0) {
      action = action.substring(0, dot);
    }
    String bucket = params.path("Bucket").asText(null);
    if (bucket == null) {
      throw failed("The ItemReader Parameters must name a Bucket.");
    }
    try {
      return switch (action) {
        case "listObjectsV2" -> listObjects(s3, bucket, params.path("Prefix").asText(""), limit);
        case "getObject" -> {
          String key = params.path("Key").asText(null);
          if (key == null) {
            throw failed("The ItemReader Parameters must name a Key for s3:getObject.");
          }
          String inputType = cfg.path("InputType").asText("JSON");
          yield switch (inputType) {
            case "JSON" -> json(text(s3.getObject(bucket, key)), limit);
            case "JSONL" -> jsonLines(text(s3.getObject(bucket, key)), limit);
            case "CSV" -> csv(text(s3.getObject(bucket, key)), cfg, limit);
            case "MANIFEST" -> manifest(s3, bucket, key, limit);
            default -> throw failed("Unsupported ItemReader InputType '" + inputType
                + "': sfn-test reads JSON, JSONL, CSV and MANIFEST.");
          };
        }
        default -> throw failed("Unsupported ItemReader resource '" + resource
            + "': use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.");
      };
    } catch (S3Port.S3Error e) {
      throw failed(e.getMessage());
    }
  }

  static StatesException failed(String cause) {
    return StatesException.unscoped(StatesErrors.ITEM_READER_FAILED, cause);
  }

  /** Strict UTF-8: a bad byte fails the read with its position, as a parse failure would. */
  private static String text(byte[] body) {
    try {
      return io.github.sfntest.internal.json.Utf8.decode(body, "The S3 object");
    } catch (IllegalArgumentException e) {
      throw failed(e.getMessage());
    }
  }

  private static List<JsonNode> json(String body, int limit) {
    JsonNode doc;
    try {
      doc = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw failed("The S3 object is not valid JSON: " + e.getMessage());
    }
    if (!doc.isArray()) {
      throw failed("Attempting to map over non-iterable node.");
    }
    List<JsonNode> items = new ArrayList<>(Math.min(doc.size(), limit));
    for (JsonNode item : doc) {
      if (items.size() >= limit) {
        break;
      }
      items.add(item);
    }
    return items;
  }

  private static List<JsonNode> jsonLines(String body, int limit) {
    List<JsonNode> items = new ArrayList<>();
    int lineNo = 0;
    // One line at a time: splitting a million-line object up front holds a String per line
    // (about 100 bytes each) beside the parsed items.
    for (int start = 0; start <= body.length(); ) {
      int newline = body.indexOf('\n', start);
      int end = newline < 0 ? body.length() : newline;
      String line = body.substring(start, end > start && body.charAt(end - 1) == '\r' ? end - 1 : end);
      start = newline < 0 ? body.length() + 1 : newline + 1;
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (items.size() >= limit) {
        break;
      }
      try {
        items.add(Json.parse(line));
      } catch (IllegalArgumentException e) {
        throw failed("Line " + lineNo + " of the JSONL object is not valid JSON: " + e.getMessage());
      }
    }
    return items;
  }

  private static List<JsonNode> csv(String body, JsonNode cfg, int limit) {
    char delimiter;
    try {
      delimiter = Csv.delimiter(cfg.path("CSVDelimiter").asText(null));
    } catch (IllegalArgumentException e) {
      throw failed("Unsupported CSVDelimiter '" + e.getMessage() + "': use COMMA, PIPE, SEMICOLON, SPACE or TAB.");
    }
    List<List<String>> records = Csv.parse(body, delimiter);
    String location = cfg.path("CSVHeaderLocation").asText("FIRST_ROW");
    List<String> headers;
    int first;
    if ("GIVEN".equals(location)) {
      headers = new ArrayList<>();
      cfg.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
      first = 0;
    } else {
      headers = records.isEmpty() ? List.of() : records.get(0);
      first = 1;
    }
    if (new HashSet<>(headers).size() != headers.size()) {
      throw failed("CSV headers cannot contain duplicates.");
    }
    List<JsonNode> items = new ArrayList<>();
    for (int r = first; r < records.size() && items.size() < limit; r++) {
      items.add(row(headers, records.get(r)));
    }
    return items;
  }

  /** One row as AWS builds it: a hash map of header to value (so AWS's key order), missing values "". */
  private static ObjectNode row(List<String> headers, List<String> values) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      fields.put(headers.get(i), i < values.size() ? values.get(i) : "");
    }
    ObjectNode node = Json.NODES.objectNode();
    fields.forEach(node::put);
    return node;
  }

  private static List<JsonNode> listObjects(S3Port s3, String bucket, String prefix, int limit) {
    List<JsonNode> items = new ArrayList<>();
    for (S3Port.Listed o : s3.listObjects(bucket, prefix)) {
      if (items.size() >= limit) {
        break;
      }
      ObjectNode item = Json.NODES.objectNode();
      item.put("Etag", o.etag());
      item.put("Key", o.key());
      item.put("LastModified", o.lastModified() == null ? null : o.lastModified().toString());
      item.put("Size", o.size());
      item.put("StorageClass", "STANDARD");
      items.add(item);
    }
    return items;
  }

  /** An S3 Inventory manifest.json: every row of every listed CSV file, keyed by its fileSchema. */
  private static List<JsonNode> manifest(S3Port s3, String bucket, String key, int limit) {
    JsonNode manifest;
    try {
      manifest = Json.parse(text(s3.getObject(bucket, key)));
    } catch (IllegalArgumentException e) {
      throw failed("The S3 inventory manifest is not valid JSON: " + e.getMessage());
    }
    if (!"CSV".equals(manifest.path("fileFormat").asText("CSV"))) {
      throw failed("Unsupported S3 inventory fileFormat '" + manifest.path("fileFormat").asText()
          + "': sfn-test reads CSV inventories.");
    }
    List<String> schema = new ArrayList<>();
    for (String column : manifest.path("fileSchema").asText("Bucket, Key").split(",")) {
      schema.add(column.strip());
    }
    String dataBucket = manifest.path("destinationBucket").asText(bucket);
    if (dataBucket.startsWith("arn:aws:s3:::")) {
      dataBucket = dataBucket.substring("arn:aws:s3:::".length());
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode file : manifest.path("files")) {
      String fileKey = file.path("key").asText();
      byte[] body = s3.getObject(dataBucket, fileKey);
      String content = fileKey.endsWith(".gz") ? gunzip(body) : text(body);
      for (List<String> record : Csv.parse(content, ',')) {
        if (items.size() >= limit) {
          return items;
        }
        ObjectNode item = Json.NODES.objectNode();
        for (int i = 0; i < schema.size(); i++) {
          item.put(schema.get(i), i < record.size() ? record.get(i) : "");
        }
        items.add(item);
      }
    }
    return items;
  }

  private static String gunzip(byte[] body) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return text(in.readAllBytes());
    } catch (IOException e) {
      throw failed("An S3 inventory file is not valid gzip: " + e.getMessage());
    }
  }

  /** Items as a JSON array (for the MapRunResult / assertions). */
  static ArrayNode array(List<JsonNode> items) {
    ArrayNode array = Json.NODES.arrayNode();
    items.forEach(array::add);
    return array;
  }
}
