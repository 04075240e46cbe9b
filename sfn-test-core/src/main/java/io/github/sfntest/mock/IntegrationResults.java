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
   * Plain values as DynamoDB attribute values: strings {@code S}, numbers {@code N}, booleans
   * {@code BOOL}, {@code null} {@code NULL}, maps {@code M}, lists {@code L}. A {@link JsonNode}
   * value is taken as an attribute value already.
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

  /** What {@code arn:aws:states:::sns:publish} returns for {@code message}: a MessageId and SDK metadata. */
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
   * What {@code arn:aws:states:::states:startExecution} (and its {@code .sync} forms, when they
   * submit) returns: {@code {"ExecutionArn", "StartDate", "SdkHttpMetadata", "SdkResponseMetadata"}}.
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
