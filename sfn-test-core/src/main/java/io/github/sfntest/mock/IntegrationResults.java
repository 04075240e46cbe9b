package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.mock.Responder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Results shaped as AWS's optimised integrations return them, for {@code willReturn(...)}. Ids are
 * derived from the content (name-based UUIDs), so tests stay reproducible.
 *
 * <pre>{@code
 * mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
 * mocks.onState("Notify").willReturn(IntegrationResults.sqsSendMessage("{\"orderId\":\"o-1\"}"));
 * }</pre>
 */
public final class IntegrationResults {

  private IntegrationResults() {}

  /**
   * What {@code arn:aws:states:::lambda:invoke} returns when the function returned {@code
   * payload}: {@code {"ExecutedVersion": "$LATEST", "Payload": payload, "SdkHttpMetadata": {...},
   * "SdkResponseMetadata": {"RequestId": ...}, "StatusCode": 200}}. {@code payload} is a {@link
   * JsonNode} or any value convertible to JSON ({@code Map}, {@code List}, {@code String}...).
   *
   * @param payload what the function returned: a JsonNode, Map, List, String, number...
   * @return the lambda:invoke result
   */
  public static ObjectNode lambdaPayload(Object payload) {
    JsonNode p = Responder.toJson(payload);
    String body = Json.write(p);
    String requestId = uuid("lambda", body);
    ObjectNode result = Json.NODES.objectNode();
    result.put("ExecutedVersion", "$LATEST");
    result.set("Payload", p);
    result.set(
        "SdkHttpMetadata",
        httpMetadata(
            Map.of(
                "X-Amz-Executed-Version", "$LATEST",
                "x-amzn-Remapped-Content-Length", "0",
                "Connection", "keep-alive",
                "x-amzn-RequestId", requestId,
                "Content-Length", Integer.toString(Json.utf8Size(body)),
                "Content-Type", "application/json")));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    result.put("StatusCode", 200);
    return result;
  }

  /**
   * What {@code arn:aws:states:::dynamodb:getItem} returns for {@code item} (plain Java values,
   * converted with {@link #dynamoDbItem}); {@code null} means "no such item" (no {@code Item}
   * member, as DynamoDB answers).
   *
   * @param item the item as plain Java values, or null for no such item
   * @return the getItem result
   */
  public static ObjectNode dynamoDbGetItem(Map<String, ?> item) {
    ObjectNode result = Json.NODES.objectNode();
    if (item != null) {
      result.set("Item", dynamoDbItem(item));
    }
    String body = Json.write(result);
    String requestId = uuid("dynamodb", body);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, body)));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * What {@code arn:aws:states:::dynamodb:putItem} returns without {@code ReturnValues}: only the
   * SDK metadata.
   *
   * @return the result
   */
  public static ObjectNode dynamoDbPutItem() {
    return dynamoDbAttributes(null);
  }

  /**
   * What {@code arn:aws:states:::dynamodb:updateItem} returns: {@code {"Attributes": ...}} with
   * {@code attributes} as attribute values (what {@code ReturnValues} asked for), or only the SDK
   * metadata when {@code attributes} is {@code null} ({@code ReturnValues: NONE}).
   *
   * @param attributes plain values, converted with {@link #dynamoDbItem}, or {@code null}
   * @return the result
   */
  public static ObjectNode dynamoDbUpdateItem(Map<String, ?> attributes) {
    return dynamoDbAttributes(attributes);
  }

  private static ObjectNode dynamoDbAttributes(Map<String, ?> attributes) {
    ObjectNode result = Json.NODES.objectNode();
    if (attributes != null) {
      result.set("Attributes", dynamoDbItem(attributes));
    }
    String body = Json.write(result);
    String requestId = uuid("dynamodb", body);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, body)));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * Plain values as DynamoDB attribute values: strings {@code S}, numbers {@code N}, booleans
   * {@code BOOL}, {@code null} {@code NULL}, maps {@code M}, lists {@code L}. A {@link JsonNode}
   * value is taken as an attribute value already.
   *
   * @param item the item as plain Java values
   * @return the item as DynamoDB attribute values
   */
  public static ObjectNode dynamoDbItem(Map<String, ?> item) {
    ObjectNode out = Json.NODES.objectNode();
    item.forEach((k, v) -> out.set(k, attribute(v)));
    return out;
  }

  private static JsonNode attribute(Object v) {
    ObjectNode a = Json.NODES.objectNode();
    if (v instanceof JsonNode node) {
      return node;
    } else if (v == null) {
      a.put("NULL", true);
    } else if (v instanceof CharSequence s) {
      a.put("S", s.toString());
    } else if (v instanceof Number n) {
      a.put("N", Json.write(Responder.toJson(n)));
    } else if (v instanceof Boolean b) {
      a.put("BOOL", b);
    } else if (v instanceof Map<?, ?> m) {
      ObjectNode mm = a.putObject("M");
      m.forEach((k, x) -> mm.set(String.valueOf(k), attribute(x)));
    } else if (v instanceof List<?> l) {
      ArrayNode ll = a.putArray("L");
      l.forEach(x -> ll.add(attribute(x)));
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + v.getClass().getName() + " as a DynamoDB attribute value");
    }
    return a;
  }

  /**
   * What {@code arn:aws:states:::sqs:sendMessage} returns for {@code messageBody}: {@code
   * {"MD5OfMessageBody": <MD5 hex of the body>, "MessageId": ..., "SdkHttpMetadata": {...},
   * "SdkResponseMetadata": {...}}}.
   *
   * @param messageBody the message body sent
   * @return the sendMessage result
   */
  public static ObjectNode sqsSendMessage(String messageBody) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("MD5OfMessageBody", md5(messageBody));
    result.put("MessageId", uuid("sqs", messageBody));
    String requestId = uuid("sqs-request", messageBody);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, Json.write(result))));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * What {@code arn:aws:states:::sns:publish} returns for {@code message}: a MessageId and SDK
   * metadata.
   *
   * @param message the message published
   * @return the publish result
   */
  public static ObjectNode snsPublish(String message) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("MessageId", uuid("sns", message));
    String requestId = uuid("sns-request", message);
    result.set(
        "SdkHttpMetadata",
        httpMetadata(Map.of("x-amzn-RequestId", requestId, "connection", "keep-alive", "Date", FIXED_DATE,
            "Content-Type", "text/xml",
            "Content-Length", Integer.toString(snsPublishBody(result.get("MessageId").asText(), requestId)
                .getBytes(StandardCharsets.UTF_8).length))));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * What {@code arn:aws:states:::events:putEvents} returns when all {@code entryCount} entries were
   * accepted: {@code {"Entries": [{"EventId": ...}, ...], "FailedEntryCount": 0}}.
   *
   * @param entryCount how many entries were put
   * @return the putEvents result
   */
  public static ObjectNode eventBridgePutEvents(int entryCount) {
    ObjectNode result = Json.NODES.objectNode();
    ArrayNode entries = result.putArray("Entries");
    for (int i = 0; i < entryCount; i++) {
      entries.addObject().put("EventId", uuid("events", Integer.toString(i)));
    }
    result.put("FailedEntryCount", 0);
    return result;
  }

  /**
   * What {@code arn:aws:states:::aws-sdk:s3:getObject} returns for an object holding {@code body}:
   * the body as text (Step Functions hands it over as a string), its length, type and ETag.
   *
   * @param body the object's content
   * @param contentType its {@code Content-Type}, e.g. {@code application/json}
   * @return the result
   */
  public static ObjectNode s3GetObject(String body, String contentType) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("AcceptRanges", "bytes");
    result.put("Body", body);
    result.put("ContentLength", body.getBytes(StandardCharsets.UTF_8).length);
    result.put("ContentType", contentType);
    result.put("ETag", "\"" + md5(body) + "\"");
    result.put("LastModified", "2024-01-01T00:00:00Z");
    result.putObject("Metadata");
    result.put("ServerSideEncryption", "AES256");
    return result;
  }

  /**
   * What {@code arn:aws:states:::aws-sdk:s3:putObject} returns after storing {@code body}: its
   * ETag (the MD5 of the body, quoted, as S3 gives it for a single-part upload).
   *
   * @param body the stored content
   * @return the result
   */
  public static ObjectNode s3PutObject(String body) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("ETag", "\"" + md5(body) + "\"");
    result.put("ServerSideEncryption", "AES256");
    return result;
  }

  /**
   * What {@code arn:aws:states:::states:startExecution} (and its {@code .sync} forms, when they
   * submit) returns: {@code {"ExecutionArn", "StartDate", "SdkHttpMetadata", "SdkResponseMetadata"}}.
   *
   * @param executionArn the started execution's ARN
   * @param startDate its start date, as AWS formats it
   * @return the startExecution result
   */
  public static ObjectNode stepFunctionsStartExecution(String executionArn, String startDate) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("ExecutionArn", executionArn);
    result.put("StartDate", startDate);
    String requestId = uuid("states-request", executionArn);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, startExecutionBody(executionArn, startDate))));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * The HTTP body SNS answers Publish with (the Query protocol's XML, laid out as in the SNS API
   * reference's example); its length is the recorded {@code Content-Length}.
   */
  private static String snsPublishBody(String messageId, String requestId) {
    return "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
        + "  <PublishResult>\n"
        + "    <MessageId>" + messageId + "</MessageId>\n"
        + "  </PublishResult>\n"
        + "  <ResponseMetadata>\n"
        + "    <RequestId>" + requestId + "</RequestId>\n"
        + "  </ResponseMetadata>\n"
        + "</PublishResponse>\n";
  }

  /**
   * The HTTP body Step Functions answers StartExecution with (AWS JSON 1.0): {@code
   * {"executionArn":"...","startDate":1.7040672E9}}, members in the service model's order, the
   * date as epoch seconds with millisecond precision, rendered as the service's Java serialiser
   * writes a double. The task output carries the same values under the SDK's member names.
   */
  static String startExecutionBody(String executionArn, String startDate) {
    double seconds;
    try {
      seconds = java.time.Instant.parse(startDate).toEpochMilli() / 1000.0;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("startDate must be an ISO-8601 instant, not \"" + startDate + "\"", e);
    }
    ObjectNode body = Json.NODES.objectNode();
    body.put("executionArn", executionArn);
    body.put("startDate", seconds);
    return Json.write(body);
  }

  private static Map<String, String> jsonHeaders(String requestId, String body) {
    return Map.of(
        "x-amzn-RequestId", requestId,
        "connection", "keep-alive",
        "Date", FIXED_DATE,
        "Content-Length", Integer.toString(Json.utf8Size(body)),
        "Content-Type", "application/x-amz-json-1.0");
  }

  // Results are pure functions of their arguments, so the HTTP Date header is a fixed instant.
  private static final String FIXED_DATE = "Mon, 01 Jan 2024 00:00:00 GMT";

  private static ObjectNode httpMetadata(Map<String, String> headers) {
    ObjectNode meta = Json.NODES.objectNode();
    ObjectNode all = meta.putObject("AllHttpHeaders");
    ObjectNode single = meta.putObject("HttpHeaders");
    headers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
        .forEach(e -> {
          all.putArray(e.getKey()).add(e.getValue());
          single.put(e.getKey(), e.getValue());
        });
    meta.put("HttpStatusCode", 200);
    return meta;
  }

  private static ObjectNode responseMetadata(String requestId) {
    ObjectNode meta = Json.NODES.objectNode();
    meta.put("RequestId", requestId);
    return meta;
  }

  private static String uuid(String kind, String content) {
    return UUID.nameUUIDFromBytes((kind + "\n" + content).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String md5(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
